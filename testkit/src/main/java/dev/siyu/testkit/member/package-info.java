/** Generators of member profiles. */
package dev.siyu.testkit.member;
