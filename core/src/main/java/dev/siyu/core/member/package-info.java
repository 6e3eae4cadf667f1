/** Member profiles: join date, acquisition channel, birthday, home store, location and consent. */
package dev.siyu.core.member;
