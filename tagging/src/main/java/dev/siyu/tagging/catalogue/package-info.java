/**
 * The tag catalogue: groups (exclusive or not), rule, manual and imported tags with priority and
 * validity, checked as a whole (limit, references, cycles) and read from versioned JSON.
 */
package dev.siyu.tagging.catalogue;
