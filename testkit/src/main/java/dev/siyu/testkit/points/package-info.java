/**
 * Generators for the points ledger: programs, orders, refund sequences and command sequences, as
 * plain functions of a {@link java.util.random.RandomGenerator}.
 */
package dev.siyu.testkit.points;
