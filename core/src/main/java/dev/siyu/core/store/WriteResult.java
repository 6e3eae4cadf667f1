package dev.siyu.core.store;

/** The outcome of a conditional write to a {@link VersionedStore}. */
public enum WriteResult {
    /** The value was written at the next version and the operation id recorded with it. */
    WRITTEN,
    /** The stored version was not the expected one; nothing was written. Reload and retry. */
    VERSION_CONFLICT,
    /** The operation id was already recorded for this key; nothing was written. */
    ALREADY_APPLIED
}
