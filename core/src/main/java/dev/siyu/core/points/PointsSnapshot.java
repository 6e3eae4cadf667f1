package dev.siyu.core.points;

import dev.siyu.core.id.MemberId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link PointsAccount} as plain values, for hosts that keep accounts outside the JVM (a table row,
 * a document, a cache entry): take it with {@link PointsAccount#snapshot()}, write it with
 * {@link dev.siyu.core.json.SiyuJson#write}, read it back with {@link dev.siyu.core.json.SiyuJson#read},
 * and turn it into an account with {@link PointsAccount#restore(PointsSnapshot)}, which checks it.
 * The restored account behaves exactly as the one snapshotted: the same balance, lots and totals,
 * and the same outcome for any later command, replays and conflicting reuses of an operation id
 * included. Immutable and thread-safe.
 *
 * <p>Operations and orders are kept as the account keeps them, without ids: each operation by the
 * 128-bit digest of its id and the 64-bit fingerprint of its payload, each order by the first 64
 * bits of the digest of its id. Both are stable across JVMs and releases of format
 * {@value #SCHEMA_VERSION}.
 *
 * @param schemaVersion the format, {@value #SCHEMA_VERSION}
 * @param member the member
 * @param version the account's version (operations recorded), {@code >= 0}
 * @param nextLotSequence the sequence the next new lot gets, {@code >= 1}
 * @param totals the running ledger totals; {@code totals.net()} is the balance
 * @param overdraft points spent below zero under {@link NegativeBalancePolicy#ALLOW}, {@code >= 0}
 * @param debt points owed under {@link NegativeBalancePolicy#CLAMP}, {@code >= 0}
 * @param lots the live lots, in consumption order
 * @param operations the operations remembered for idempotency, in the order they were recorded
 * @param orders the order records kept (the latest state of each)
 * @param ordersKeptFrom the business date before which order records may have been dropped (the
 *     refund window), empty if none was
 */
public record PointsSnapshot(int schemaVersion, MemberId member, long version, long nextLotSequence, PointsTotals totals,
        long overdraft, long debt, List<Lot> lots, List<Operation> operations, List<Order> orders,
        Optional<LocalDate> ordersKeptFrom) {

    /** The format this release writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    public PointsSnapshot {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(totals, "totals");
        lots = List.copyOf(Objects.requireNonNull(lots, "lots"));
        operations = List.copyOf(Objects.requireNonNull(operations, "operations"));
        orders = List.copyOf(Objects.requireNonNull(orders, "orders"));
        ordersKeptFrom = ordersKeptFrom == null ? Optional.empty() : ordersKeptFrom;
    }

    /**
     * One live lot.
     *
     * @param sequence its sequence, unique in the account
     * @param earnedOn the business date it was earned
     * @param availableOn the date its points can first be spent
     * @param expiresOn the date it expires, empty if never
     * @param points the points it was credited with, over its life
     * @param remaining the points still in it, {@code 1..points}
     */
    public record Lot(long sequence, LocalDate earnedOn, LocalDate availableOn, Optional<LocalDate> expiresOn, long points,
            long remaining) {
        public Lot {
            Objects.requireNonNull(earnedOn, "earnedOn");
            Objects.requireNonNull(availableOn, "availableOn");
            expiresOn = expiresOn == null ? Optional.empty() : expiresOn;
        }
    }

    /**
     * One operation remembered for idempotency.
     *
     * @param digest the 128-bit digest of its id, 32 lower-case hex digits (see
     *     {@link dev.siyu.core.kernel.OperationDigest})
     * @param fingerprint the 64-bit fingerprint of its payload, compared to detect a conflicting reuse
     *     of the id
     * @param outcome {@code APPLIED}, or the {@link RejectReason} it was refused for
     * @param balanceChange the change of balance it applied ({@code 0} for a refusal)
     * @param dated the business date it carried, by which the program's idempotency window forgets it
     */
    public record Operation(String digest, long fingerprint, String outcome, long balanceChange, LocalDate dated) {
        /** The outcome of an applied operation. */
        public static final String APPLIED = "APPLIED";

        public Operation {
            Objects.requireNonNull(digest, "digest");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(dated, "dated");
        }
    }

    /**
     * What the account keeps of one order: enough to refund it and to refuse a second earn.
     *
     * @param key the first 64 bits of the digest of the order id, 16 lower-case hex digits
     * @param placedOn the business date it was placed, empty if not known yet
     * @param earned whether points were earned on it
     * @param earnLot the sequence of the lot its earn credited, {@code -1} if none
     * @param earnExpiresOn the date that lot expires, empty if never or no earn
     * @param pointsByLine the points its earn gave each line, by line position; empty before its lines
     *     were known
     * @param returnedByLine the units refunded per line, by line position; empty while none were
     * @param redeemed minor units of the order paid with points
     * @param returnedPaid minor units of that payment returned by refunds
     * @param refundedNet minor units of net sales refunded
     */
    public record Order(String key, Optional<LocalDate> placedOn, boolean earned, long earnLot,
            Optional<LocalDate> earnExpiresOn, Optional<List<Long>> pointsByLine, Optional<List<Integer>> returnedByLine,
            long redeemed, long returnedPaid, long refundedNet) {
        public Order {
            Objects.requireNonNull(key, "key");
            placedOn = placedOn == null ? Optional.empty() : placedOn;
            earnExpiresOn = earnExpiresOn == null ? Optional.empty() : earnExpiresOn;
            pointsByLine = pointsByLine == null ? Optional.empty() : pointsByLine.map(List::copyOf);
            returnedByLine = returnedByLine == null ? Optional.empty() : returnedByLine.map(List::copyOf);
        }
    }
}
