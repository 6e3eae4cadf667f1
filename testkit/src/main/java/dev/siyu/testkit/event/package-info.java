/** Random values of the kinds events hold, for the JSON round-trip properties of every module's events. */
package dev.siyu.testkit.event;
