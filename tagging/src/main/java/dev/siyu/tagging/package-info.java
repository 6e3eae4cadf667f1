/**
 * Customer tags, audiences and communities (社群): a tag catalogue with rule, manual and imported
 * tags, a closed JSON rule language over typed member features, a compiled engine that evaluates
 * thousands of rules per member, audience selection under consent and contact policy, and
 * community tiering.
 *
 * <p>Depends on {@code siyu-core} only. Filled by the tagging issue; nothing is public yet.
 */
package dev.siyu.tagging;
