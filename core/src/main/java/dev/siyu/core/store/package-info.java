/**
 * How Siyu reads and writes host state: {@link dev.siyu.core.store.VersionedStore}, a keyed store
 * with compare-and-set on version and the operation id recorded in the same write, and
 * {@link dev.siyu.core.store.InMemoryVersionedStore}, the embedded default.
 */
package dev.siyu.core.store;
