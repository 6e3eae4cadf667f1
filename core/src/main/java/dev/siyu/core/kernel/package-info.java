/**
 * Compact building blocks shared by Siyu's aggregates (points accounts, tier statuses, stores):
 * 128-bit operation-id digests ({@link dev.siyu.core.kernel.OperationDigest}), a 64-bit payload
 * hasher ({@link dev.siyu.core.kernel.PayloadHasher}), short id texts packed in a long
 * ({@link dev.siyu.core.kernel.PackedText}), and immutable primitive-array logs of
 * applied operations ({@link dev.siyu.core.kernel.OperationLog},
 * {@link dev.siyu.core.kernel.DigestSet}) with the bound in business days that lets an aggregate
 * forget old ones safely ({@link dev.siyu.core.kernel.IdempotencyWindow}). Support for the library's own engines: public so that
 * every module can use them, not an API hosts are meant to program against.
 */
package dev.siyu.core.kernel;
