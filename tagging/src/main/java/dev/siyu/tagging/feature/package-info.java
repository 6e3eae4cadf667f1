/**
 * Typed member features: the catalogue of what rules may read, references with window and scope
 * parameters, and the facts the host hands in to compute them.
 */
package dev.siyu.tagging.feature;
