/**
 * Generators of tier programs, members and qualifying histories for {@code dev.siyu.core.tier}, as
 * plain functions of a {@link java.util.random.RandomGenerator}.
 */
package dev.siyu.testkit.tier;
