/**
 * The closed, versioned tag rule language: a boolean tree of comparisons over typed features and
 * references to other tags, read from JSON with limits on depth, size and set sizes.
 */
package dev.siyu.tagging.rule;
