/**
 * Siyu's test kit: generators of domain objects as plain functions of a seeded
 * {@link java.util.random.RandomGenerator}, their QuickTheories adapter
 * ({@link dev.siyu.testkit.Generators}), and contract test suites hosts extend to check their own
 * store implementations.
 */
package dev.siyu.testkit;
