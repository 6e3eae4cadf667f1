package dev.siyu.tagging.catalogue;

/** How a tag comes to a member. */
public enum TagKind {
    /** Computed by the engine from the tag's rule. */
    RULE,
    /** Set and removed by a guide or staff member. */
    MANUAL,
    /** Set by an import from another system (WeCom, a CDP, an offline list). */
    IMPORTED
}
