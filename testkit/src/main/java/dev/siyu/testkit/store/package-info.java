/**
 * Contract tests for the host store interface {@link dev.siyu.core.store.VersionedStore}: extend
 * {@link dev.siyu.testkit.store.VersionedStoreContract} to check a store of your own.
 */
package dev.siyu.testkit.store;
