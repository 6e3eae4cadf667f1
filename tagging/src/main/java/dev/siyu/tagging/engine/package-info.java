/**
 * The compiled tag engine: feature columns, threshold-indexed atoms, shared conjunctions and
 * expression DAG, full, batch and incremental evaluation with diffs into tag events, and
 * explanations of any tag.
 */
package dev.siyu.tagging.engine;
