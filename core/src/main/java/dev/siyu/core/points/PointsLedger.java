package dev.siyu.core.points;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.store.Versioned;
import dev.siyu.core.store.VersionedStore;
import dev.siyu.core.store.WriteResult;
import java.util.ConcurrentModificationException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Members' points accounts kept in a host {@link VersionedStore}: load, apply a command with the
 * {@link PointsEngine}, write conditionally on the version with the command's operation id.
 *
 * <p>On {@link WriteResult#VERSION_CONFLICT} (another writer won) it reloads and re-applies, up to
 * {@code maxAttempts} times. On {@link WriteResult#ALREADY_APPLIED} (the operation was written, e.g.
 * by an earlier attempt whose reply was lost) it reloads and returns the recorded outcome as a
 * {@link PointsOutcome.Duplicate}. Duplicates and conflicts found in the loaded account are returned
 * without writing; rejections are written so that they are recorded. If the store throws, the
 * exception propagates; retrying with the same operation id is always safe.
 *
 * <p>Thread-safe if the store is; holds no state of its own.
 */
public final class PointsLedger {

    /** Attempts used by {@link #PointsLedger(PointsEngine, VersionedStore)}. */
    public static final int DEFAULT_MAX_ATTEMPTS = 64;

    private final PointsEngine engine;
    private final VersionedStore<MemberId, PointsAccount> store;
    private final int maxAttempts;

    /** A ledger retrying up to {@link #DEFAULT_MAX_ATTEMPTS} times on version conflicts. */
    public PointsLedger(PointsEngine engine, VersionedStore<MemberId, PointsAccount> store) {
        this(engine, store, DEFAULT_MAX_ATTEMPTS);
    }

    /** @throws IllegalArgumentException if {@code maxAttempts < 1} */
    public PointsLedger(PointsEngine engine, VersionedStore<MemberId, PointsAccount> store, int maxAttempts) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.store = Objects.requireNonNull(store, "store");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
    }

    /** The member's stored account, or an empty one if none was written. */
    public PointsAccount account(MemberId member) {
        Objects.requireNonNull(member, "member");
        return store.load(member).map(Versioned::value).orElseGet(() -> PointsAccount.empty(member));
    }

    /**
     * Applies {@code command} to {@code member}'s account and stores the result.
     *
     * @return the engine's result; its account is the one stored (or, for a duplicate or conflict,
     *     the one loaded)
     * @throws IllegalArgumentException for caller errors, see {@link PointsEngine#apply}
     * @throws ConcurrentModificationException if every attempt lost a version race
     */
    public PointsResult apply(MemberId member, PointsCommand command) {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(command, "command");
        for (int attempt = 0; attempt < maxAttempts; attempt++) {
            Optional<Versioned<PointsAccount>> loaded = store.load(member);
            long version = loaded.isPresent() ? loaded.get().version() : 0L;
            PointsAccount account = loaded.isPresent() ? loaded.get().value() : PointsAccount.empty(member);
            PointsResult result = engine.apply(account, command);
            if (result.outcome() instanceof PointsOutcome.Duplicate
                    || result.outcome() instanceof PointsOutcome.Conflict) {
                return result;
            }
            WriteResult written = store.write(member, version, result.account(), command.operation());
            if (written == WriteResult.WRITTEN) {
                return result;
            }
            if (written == WriteResult.ALREADY_APPLIED) {
                PointsResult recorded = engine.apply(account(member), command);
                if (!(recorded.outcome() instanceof PointsOutcome.Duplicate
                        || recorded.outcome() instanceof PointsOutcome.Conflict)) {
                    throw new IllegalStateException(String.format(Locale.ROOT,
                            "store must keep the account that recorded operation %s for %s", command.operation(), member));
                }
                return recorded;
            }
        }
        throw new ConcurrentModificationException(String.format(Locale.ROOT,
                "points account %s must be writable within %d attempts: operation %s", member, maxAttempts,
                command.operation()));
    }
}
