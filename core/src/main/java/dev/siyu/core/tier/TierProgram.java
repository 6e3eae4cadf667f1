package dev.siyu.core.tier;

import dev.siyu.core.event.TierChanged;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.json.ConfigNode;
import dev.siyu.core.kernel.OperationDigest;
import dev.siyu.core.kernel.IdempotencyWindow;
import dev.siyu.core.kernel.PayloadHasher;
import dev.siyu.core.kernel.Prefetch;
import dev.siyu.core.member.MemberProfile;
import dev.siyu.core.money.Money;
import dev.siyu.core.time.BusinessClock;
import dev.siyu.core.time.ZoneDays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * A tier program: a validated ladder of tiers and the rules that move members up and down it. The
 * entry point of {@code dev.siyu.core.tier}.
 *
 * <p>Rules, in order of application by every command:
 * <ol>
 *   <li>An override whose last date is before the business date of {@code asOf} ends; the earned
 *       tier applies again ({@link TierChanged.Kind#OVERRIDE_EXPIRED}).</li>
 *   <li>Qualification: the metric summed over the current {@link QualificationWindow} earns the
 *       highest tier whose threshold it reaches. A higher earned tier applies at once, on
 *       {@link #record} as on {@link #evaluate} (upgrades are immediate).</li>
 *   <li>Retention, at {@link #evaluate} only: a member whose value (for calendar and anniversary
 *       windows, the better of the current year so far and the previous complete year) is below
 *       the retention threshold of the earned tier starts a grace period of {@link #grace()}; an
 *       evaluation on or after its end date downgrades by the {@link DowngradeRule}. Meeting the
 *       retention threshold again during grace ends the grace period. {@link #record} never
 *       downgrades, so a refund lowers the tier at the next evaluation at the earliest.</li>
 * </ol>
 * While an override holds, the earned tier underneath keeps following these rules silently; a
 * {@link TierChanged} is emitted only when the tier the member holds ({@link TierStatus#tier()})
 * moves.
 *
 * <p>Commands take the member's {@link TierStatus} and return a {@link TierResult}. They are
 * idempotent by {@link OperationId}: a replay returns the recorded outcome (in its recorded form,
 * {@link TierOutcome#asRecorded()}) and the status unchanged; the same id with another payload
 * (compared by a 64-bit fingerprint) is {@link TierOutcome.Reason#OPERATION_CONFLICT}. Statuses
 * record operations as 128-bit digests of their ids ({@link dev.siyu.core.kernel.OperationDigest}).
 * Business refusals are outcomes; exceptions ({@link IllegalArgumentException} with
 * {@code "<field> must be <rule>: <value>"}, {@link NullPointerException}) are for caller errors
 * and leave nothing changed. No clock is read: time comes in as {@code asOf}, business dates are
 * read in {@link #zone()}.
 *
 * <p>Example (a JSON ladder; see {@link #fromJson(String)} for the schema):
 * <pre>{@code
 * TierProgram program = TierProgram.fromJson(json);
 * TierStatus status = program.enroll(profile, now).status();
 * TierResult result = program.record(status,
 *         QualifyingActivity.order(OperationId.of("o-1:tier"), placedAt, Money.cny("6000.00"), 6000), now);
 * result.events();                       // [TierChanged BASIC -> GOLD, UPGRADED]
 * program.evaluate(result.status(), OperationId.of("eval-2026-01-01"), newYear);
 * }</pre>
 *
 * <p>Immutable and thread-safe; two programs live side by side in one JVM.
 */
public final class TierProgram {

    /** The payload recorded for evaluation operations: an evaluation carries no data. */
    private static final String EVALUATE = "evaluate";
    private static final String CLEAR_OVERRIDE = "clear-override";
    private static final long EVALUATE_FINGERPRINT = new PayloadHasher().number(2).text(EVALUATE).hash();
    private static final long CLEAR_OVERRIDE_FINGERPRINT = new PayloadHasher().number(4).text(CLEAR_OVERRIDE).hash();

    private final Currency currency;
    private final ZoneId zone;
    private final ZoneDays days;
    private final Metric metric;
    private final QualificationWindow window;
    private final Period grace;
    private final DowngradeRule downgrade;
    private final IdempotencyWindow idempotency;
    private final List<Tier> tiers;
    private final Map<TierId, Integer> index;
    private final long[] thresholds;
    private final TierId[] ids;
    private final long[] retentions;
    private final String windowText;

    private TierProgram(Builder b) {
        this.currency = b.currency;
        this.zone = b.zone;
        this.days = ZoneDays.of(b.zone);
        this.metric = b.metric;
        this.window = b.window;
        this.grace = b.grace;
        this.downgrade = b.downgrade;
        this.idempotency = b.idempotency;
        this.tiers = List.copyOf(b.tiers);
        Map<TierId, Integer> byId = new HashMap<>();
        thresholds = new long[tiers.size()];
        retentions = new long[tiers.size()];
        ids = new TierId[tiers.size()];
        for (int i = 0; i < tiers.size(); i++) {
            byId.put(tiers.get(i).id(), i);
            thresholds[i] = tiers.get(i).threshold();
            ids[i] = tiers.get(i).id();
            retentions[i] = tiers.get(i).retention();
        }
        this.index = Map.copyOf(byId);
        this.windowText = describe(window);
    }

    /** A builder with defaults: CNY, {@link BusinessClock#SHANGHAI}, spend over 12 rolling months, no grace, one tier down. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a ladder from JSON:
     * <pre>{@code
     * {"schemaVersion": 1, "currency": "CNY", "zone": "Asia/Shanghai", "metric": "spend",
     *  "window": {"kind": "rolling", "months": 12},      // or {"kind": "rolling", "days": 365},
     *                                                    // {"kind": "calendar-year"}, {"kind": "anniversary-year"}
     *  "grace": {"days": 30},                            // or {"months": 1}; default none
     *  "downgrade": "one-tier",                          // or "to-supported"
     *  "idempotency": {"windowDays": 60},                // default: remember every operation
     *  "tiers": [
     *    {"id": "BASIC", "name": "普卡", "threshold": 0},
     *    {"id": "GOLD", "name": "金卡", "threshold": "CNY 5000.00", "retention": "CNY 3000.00",
     *     "benefits": {"earnMultiplier": 1.5, "birthdayPoints": 500, "birthdayCoupon": "BDAY-GOLD",
     *                  "coupons": ["GOLD-50-OFF"]}}]}
     * }</pre>
     * {@code metric} is {@code spend}, {@code points-earned} or {@code order-count}; spend
     * thresholds are money ({@code "CNY 5000.00"} or a number of yuan), others whole numbers;
     * {@code retention} defaults to {@code threshold}. Unknown fields are rejected.
     *
     * @throws dev.siyu.core.json.ConfigException naming the JSON pointer and the value at fault
     */
    public static TierProgram fromJson(String json) {
        return TierLadderJson.read(ConfigNode.parse(json));
    }

    /** Reads a ladder from a parsed document; see {@link #fromJson(String)}. */
    public static TierProgram from(ConfigNode document) {
        return TierLadderJson.read(Objects.requireNonNull(document, "document"));
    }

    /** The currency of spend. */
    public Currency currency() {
        return currency;
    }

    /** The zone business dates are read in. */
    public ZoneId zone() {
        return zone;
    }

    /** What qualifies. */
    public Metric metric() {
        return metric;
    }

    /** Over which period. */
    public QualificationWindow window() {
        return window;
    }

    /** How long a member below retention keeps the tier before an evaluation may downgrade them. */
    public Period grace() {
        return grace;
    }

    /** Where a downgrade lands. */
    public DowngradeRule downgradeRule() {
        return downgrade;
    }

    /**
     * How long statuses remember recorded activities for idempotency (default unbounded): with a
     * window of N days, an activity that happened more than N business days before the status's
     * last decision is refused ({@link TierOutcome.Reason#OUTSIDE_IDEMPOTENCY_WINDOW}), and the
     * records of such activities are forgotten, so a status holds its qualifying facts and the
     * operations of the last N days, not every operation of every year. Evaluations and overrides,
     * whose payload carries no date, are remembered always.
     */
    public IdempotencyWindow idempotencyWindow() {
        return idempotency;
    }

    /** The ladder, lowest tier first. */
    public List<Tier> tiers() {
        return tiers;
    }

    /** The tier {@code id}, if on the ladder. */
    public Optional<Tier> tier(TierId id) {
        Integer i = index.get(Objects.requireNonNull(id, "id"));
        return i == null ? Optional.empty() : Optional.of(tiers.get(i));
    }

    /**
     * The benefits of tier {@code id}.
     *
     * @throws IllegalArgumentException if the tier is not on the ladder
     */
    public TierBenefits benefits(TierId id) {
        return tiers.get(indexOf(id, "tier")).benefits();
    }

    // ------------------------------------------------------------------ queries (fast path)

    /**
     * The tier {@code status}'s activity earns as of {@code asOf} (current window only, no
     * retention, no override). Allocation-light: two binary searches over a primitive history.
     */
    public TierId earnedTier(TierStatus status, Instant asOf) {
        Objects.requireNonNull(status, "status");
        int day = epochDay(Objects.requireNonNull(asOf, "asOf"));
        int start = windowStart(day, status.joinedOn());
        return tiers.get(tierIndex(valueOver(status.factRows(), status.activityCount(), start, day))).id();
    }

    /** The value of the metric over the current window as of {@code asOf}, and the tier it earns. */
    public Qualification qualify(TierStatus status, Instant asOf) {
        Objects.requireNonNull(status, "status");
        int day = epochDay(Objects.requireNonNull(asOf, "asOf"));
        int start = windowStart(day, status.joinedOn());
        long value = valueOver(status.factRows(), status.activityCount(), start, day);
        return new Qualification(metric, LocalDate.ofEpochDay(start), LocalDate.ofEpochDay(day), value,
                tiers.get(tierIndex(value)).id());
    }

    /**
     * The tier {@code status} would hold after {@link #evaluate} at {@code asOf}, without making a
     * new status or explanation: the batch fast path (e.g. "who drops at year end?"). Applies the
     * same rules as {@link #evaluate}: override still in force, upgrade, retention, grace end and
     * downgrade rule. Allocation-light: no history is copied.
     *
     * @throws IllegalArgumentException if the status's tier is not on this program's ladder
     */
    public TierId projectedTier(TierStatus status, Instant asOf) {
        Objects.requireNonNull(status, "status");
        int day = epochDay(Objects.requireNonNull(asOf, "asOf"));
        TierOverride override = status.overrideOrNull();
        if (override != null && override.until().toEpochDay() >= day) {
            return override.tier();
        }
        int held = indexOf(status.earnedTier(), "status earnedTier");
        long[] facts = status.factRows();
        int size = status.activityCount();
        int start = windowStart(day, status.joinedOn());
        long value = valueOver(facts, size, start, day);
        int earned = tierIndex(value);
        if (earned > held) {
            return tiers.get(earned).id();
        }
        if (held == 0) {
            return tiers.get(0).id();
        }
        long kept = retentionValue(facts, size, status.joinedOn(), start, value);
        if (kept >= retentions[held]) {
            return tiers.get(held).id();
        }
        LocalDate grace = status.graceOrNull();
        long graceEnds = grace != null ? grace.toEpochDay() : LocalDate.ofEpochDay(day).plus(this.grace).toEpochDay();
        if (day < graceEnds) {
            return tiers.get(held).id();
        }
        return tiers.get(downgrade == DowngradeRule.ONE_TIER ? held - 1 : supported(kept, held)).id();
    }

    /**
     * The status {@code snapshot} describes, checked against this ladder: the inverse of
     * {@link TierStatus#snapshot()}.
     *
     * @throws IllegalArgumentException if a tier is not on this ladder or an operation repeats
     */
    public TierStatus restore(TierSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        indexOf(snapshot.earnedTier(), "snapshot earnedTier");
        snapshot.override().ifPresent(o -> indexOf(o.tier(), "snapshot override tier"));
        int n = snapshot.facts().size();
        int[] days = new int[n];
        long[] spend = new long[n];
        long[] points = new long[n];
        long[] orders = new long[n];
        for (int i = 0; i < n; i++) {
            TierSnapshot.Fact fact = snapshot.facts().get(i);
            days[i] = Math.toIntExact(fact.countsOn().toEpochDay());
            spend[i] = fact.spend();
            points[i] = fact.pointsEarned();
            orders[i] = fact.orders();
        }
        OperationRows ops = OperationRows.EMPTY;
        for (TierSnapshot.Operation op : snapshot.operations()) {
            OperationDigest digest = OperationDigest.parse(op.digest());
            int code = TierStatus.codeIndex(op.code());
            if (code < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "snapshot operation code must be one of %s: %s", TierStatus.CODES, op.code()));
            }
            if (ops.contains(digest)) {
                throw new IllegalArgumentException("snapshot operations must be unique: " + op.digest());
            }
            int day = op.dated().map(d -> Math.toIntExact(d.toEpochDay())).orElse(IdempotencyWindow.KEEP);
            ops = ops.with(digest, op.fingerprint(), IdempotencyWindow.codeWord(code, day));
        }
        return new TierStatus(snapshot.member(), snapshot.joinedOn(), snapshot.version(), snapshot.earnedTier(),
                snapshot.override().orElse(null), snapshot.graceEndsOn().orElse(null), snapshot.since(),
                snapshot.lastDecisionAt(), QualifyingHistory.of(days, spend, points, orders), ops);
    }

    // ------------------------------------------------------------------ commands

    /**
     * Enrols a new member at the lowest tier; see {@link #enroll(MemberProfile, Instant, List)}.
     */
    public TierResult enroll(MemberProfile profile, Instant asOf) {
        return enroll(profile, asOf, List.of());
    }

    /**
     * Enrols a member with their past qualifying activity (e.g. on migration from another system):
     * the member starts at the tier the activity earns as of {@code asOf}. Each activity's
     * operation id is recorded, so recording it again later is a replay.
     *
     * @throws IllegalArgumentException if an activity is in another currency, happened after
     *     {@code asOf}, or two share an operation id
     */
    public TierResult enroll(MemberProfile profile, Instant asOf, List<QualifyingActivity> history) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(asOf, "asOf");
        List<QualifyingActivity> facts = List.copyOf(history);
        int n = facts.size();
        int[] days = new int[n];
        long[] spend = new long[n];
        long[] points = new long[n];
        long[] orders = new long[n];
        OperationRows ops = OperationRows.EMPTY;
        for (int i = 0; i < n; i++) {
            QualifyingActivity a = facts.get(i);
            checkActivity(a, asOf);
            days[i] = epochDay(a.countsAt());
            spend[i] = a.spend().minor();
            points[i] = a.pointsEarned();
            orders[i] = a.orders();
            OperationDigest digest = OperationDigest.of(a.operation().value());
            if (ops.contains(digest)) {
                throw new IllegalArgumentException("history operation must be unique: " + a.operation());
            }
            ops = ops.with(digest, fingerprint(a), IdempotencyWindow.codeWord(code(activityCode(a)), epochDay(a.at())));
        }
        ops = forget(ops, epochDay(asOf));
        QualifyingHistory qualifying = QualifyingHistory.of(days, spend, points, orders);
        int day = epochDay(asOf);
        Window w = current(qualifying.rows(), qualifying.size(), profile.joinedOn(), day);
        TierId tier = tiers.get(w.tier).id();
        MemberId member = profile.id();
        LocalDate joinedOn = profile.joinedOn();
        Explanation explanation = Explanation.deferred("TIER_ENROLLED", () -> {
            Explanation.Builder why = Explanation.builder("TIER_ENROLLED")
                    .fact("member", member)
                    .fact("asOfDate", LocalDate.ofEpochDay(day))
                    .fact("joinedOn", joinedOn)
                    .fact("to", tier);
            qualificationFacts(why, w);
            return why.build();
        });
        TierStatus status = new TierStatus(profile.id(), profile.joinedOn(), 1, tier, null, null, asOf, asOf,
                qualifying, ops);
        TierChanged event = new TierChanged(profile.id(), asOf, Optional.empty(), tier, TierChanged.Kind.ENROLLED,
                explanation);
        return new TierResult(status, List.of(event), new TierOutcome.Applied(explanation), false);
    }

    /**
     * Records a qualifying fact and upgrades the member at once if it earns a higher tier. Never
     * downgrades: a refund lowers the value, and the next {@link #evaluate} decides.
     *
     * @param asOf when the fact is recorded (the host's "now"), not before {@code activity.at()};
     *     a command dated before {@link TierStatus#lastDecisionAt()} is rejected with
     *     {@link TierOutcome.Reason#AS_OF_BEFORE_LAST_DECISION}
     * @throws IllegalArgumentException if the activity's currency is not the program's or it
     *     happened after {@code asOf}
     */
    public TierResult record(TierStatus status, QualifyingActivity activity, Instant asOf) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(asOf, "asOf");
        // a software prefetch of the status's arrays (see TierStatus.touch)
        Prefetch.keep(status.touch());
        checkActivity(activity, asOf);
        OperationDigest digest = OperationDigest.of(activity.operation().value());
        long fingerprint = fingerprint(activity);
        int day = epochDay(activity.at());
        TierResult refused = precheck(status, activity.operation(), digest, fingerprint, activity, asOf);
        int latestDay = epochDay(status.lastDecisionAt());
        if (refused == null && !idempotency.accepts(day, latestDay)) {
            refused = new TierResult(status, List.of(), new TierOutcome.Rejected(
                    TierOutcome.Reason.OUTSIDE_IDEMPOTENCY_WINDOW,
                    Explanation.builder("OUTSIDE_IDEMPOTENCY_WINDOW")
                            .fact("operation", activity.operation())
                            .fact("activityOn", LocalDate.ofEpochDay(day))
                            .fact("firstAcceptedOn", LocalDate.ofEpochDay(idempotency.firstAcceptedDay(latestDay)))
                            .fact("windowDays", idempotency.days().orElse(0))
                            .build()), false);
        }
        if (refused != null) {
            return refused;
        }
        Work w = new Work(status, asOf);
        int countsOn = epochDay(activity.countsAt());
        w.facts = QualifyingHistory.plus(w.facts, w.factCount, countsOn, activity.spend().minor(),
                activity.pointsEarned(), activity.orders());
        w.factCount++;
        w.step(activityCode(activity), () -> activityExplanation(activity, countsOn));
        Window q = current(w.facts, w.factCount, status.joinedOn(), w.day);
        if (q.tier > w.earned) {
            upgrade(w, q);
        } else {
            String code = activity.kind() == QualifyingActivity.Kind.REFUND
                    ? "REFUND_RECORDED_DOWNGRADE_AT_EVALUATION" : "NO_HIGHER_TIER_EARNED";
            TierId earnedTier = tiers.get(w.earned).id();
            w.step(code, () -> {
                Explanation.Builder held = Explanation.builder(code).fact("earnedTier", earnedTier);
                qualificationFacts(held, q);
                return held.build();
            });
        }
        return finish(w, activity.operation(), digest, fingerprint, day);
    }

    /**
     * The periodic evaluation: ends an override past its date, upgrades if earned, and checks
     * retention, starting, continuing, clearing or ending a grace period (see the class comment).
     */
    public TierResult evaluate(TierStatus status, OperationId operation, Instant asOf) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(asOf, "asOf");
        OperationDigest digest = OperationDigest.of(operation.value());
        TierResult refused = precheck(status, operation, digest, EVALUATE_FINGERPRINT, EVALUATE, asOf);
        if (refused != null) {
            return refused;
        }
        Work w = new Work(status, asOf);
        Window q = current(w.facts, w.factCount, status.joinedOn(), w.day);
        if (q.tier > w.earned) {
            upgrade(w, q);
            return finish(w, operation, digest, EVALUATE_FINGERPRINT, IdempotencyWindow.KEEP);
        }
        int held = w.earned;
        Window r = retention(w.facts, w.factCount, status.joinedOn(), w.day, q);
        if (held == 0 || r.value >= retentions[held]) {
            Explanation.Builder kept = Explanation.builder(w.grace != null ? "GRACE_CLEARED" : "TIER_RETAINED");
            retentionFacts(kept, r, held);
            if (w.grace != null) {
                kept.fact("graceEndedOn", w.grace);
            }
            w.grace = null;
            w.step(kept.build());
            return finish(w, operation, digest, EVALUATE_FINGERPRINT, IdempotencyWindow.KEEP);
        }
        boolean started = w.grace == null;
        if (started) {
            w.grace = w.date().plus(grace);
        }
        if (w.date().isBefore(w.grace)) {
            Explanation.Builder inGrace = Explanation.builder(started ? "GRACE_STARTED" : "IN_GRACE");
            retentionFacts(inGrace, r, held);
            inGrace.fact("graceEndsOn", w.grace);
            w.step(inGrace.build());
            return finish(w, operation, digest, EVALUATE_FINGERPRINT, IdempotencyWindow.KEEP);
        }
        int target = downgrade == DowngradeRule.ONE_TIER ? held - 1 : supported(r.value, held);
        Explanation.Builder down = Explanation.builder("EARNED_TIER_DOWNGRADED")
                .fact("fromTier", tiers.get(held).id())
                .fact("toTier", tiers.get(target).id());
        retentionFacts(down, r, held);
        down.fact("graceEndsOn", w.grace).fact("downgradeRule", downgrade);
        w.earned = target;
        w.grace = null;
        w.step(down.build());
        return finish(w, operation, digest, EVALUATE_FINGERPRINT, IdempotencyWindow.KEEP);
    }

    /**
     * Sets the member's tier by hand through {@code until} (inclusive). While it holds, the earned
     * tier keeps following the rules; afterwards the earned tier applies again.
     *
     * @throws IllegalArgumentException if the tier is not on the ladder, {@code until} is before
     *     the business date of {@code asOf}, or the reason is blank
     */
    public TierResult override(TierStatus status, OperationId operation, TierId tier, LocalDate until, String reason,
            Instant asOf) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(asOf, "asOf");
        indexOf(tier, "tier");
        LocalDate date = LocalDate.ofEpochDay(epochDay(asOf));
        if (until.isBefore(date)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "until must be on or after %s, the business date of asOf: %s", date, until));
        }
        TierOverride set = new TierOverride(tier, until, reason, asOf);
        OverridePayload payload = new OverridePayload(tier, until, reason);
        OperationDigest digest = OperationDigest.of(operation.value());
        long fingerprint = new PayloadHasher().number(3).text(tier.value()).number(until.toEpochDay()).text(reason).hash();
        TierResult refused = precheck(status, operation, digest, fingerprint, payload, asOf);
        if (refused != null) {
            return refused;
        }
        Work w = new Work(status, asOf);
        w.override = set;
        w.overrideSet = true;
        w.step(Explanation.builder("OVERRIDE_SET")
                .fact("tier", tier)
                .fact("until", until)
                .fact("reason", reason)
                .fact("earnedTier", tiers.get(w.earned).id())
                .build());
        return finish(w, operation, digest, fingerprint, IdempotencyWindow.KEEP);
    }

    /** Ends the override in force before its date, if any; the earned tier applies again. */
    public TierResult clearOverride(TierStatus status, OperationId operation, Instant asOf) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(asOf, "asOf");
        OperationDigest digest = OperationDigest.of(operation.value());
        TierResult refused = precheck(status, operation, digest, CLEAR_OVERRIDE_FINGERPRINT, CLEAR_OVERRIDE, asOf);
        if (refused != null) {
            return refused;
        }
        Work w = new Work(status, asOf);
        if (w.override == null) {
            w.step(Explanation.of("NO_OVERRIDE"));
        } else {
            w.step(Explanation.builder("OVERRIDE_CLEARED")
                    .fact("tier", w.override.tier())
                    .fact("until", w.override.until())
                    .fact("earnedTier", tiers.get(w.earned).id())
                    .build());
            w.overrideEnded = true;
            w.override = null;
        }
        return finish(w, operation, digest, CLEAR_OVERRIDE_FINGERPRINT, IdempotencyWindow.KEEP);
    }

    // ------------------------------------------------------------------ internals

    private record OverridePayload(TierId tier, LocalDate until, String reason) {
    }

    /** A metric value over [start, end] (epoch days) and the tier it earns. */
    private record Window(int start, int end, long value, int tier) {
    }

    /** The mutable draft of one command; confined to the calling thread. */
    private final class Work {
        final TierStatus before;
        final Instant asOf;
        final int day;
        int earned;
        TierOverride override;
        LocalDate grace;
        /** The qualifying facts: a {@link QualifyingHistory} array and its size. */
        long[] facts;
        int factCount;
        boolean overrideSet;
        boolean overrideEnded;
        /** The steps taken: each reason code, then how to explain it when asked; {@link #steps} slots used. */
        Object[] taken = new Object[4];
        int steps;

        Work(TierStatus before, Instant asOf) {
            this.before = before;
            this.asOf = asOf;
            this.day = epochDay(asOf);
            this.earned = indexOf(before.earnedTier(), "status earnedTier");
            this.override = before.overrideOrNull();
            this.grace = before.graceOrNull();
            this.facts = before.factRows();
            this.factCount = before.activityCount();
            if (override != null && !override.holdsOn(date())) {
                step(Explanation.builder("OVERRIDE_EXPIRED")
                        .fact("tier", override.tier())
                        .fact("until", override.until())
                        .fact("earnedTier", tiers.get(earned).id())
                        .build());
                override = null;
                overrideEnded = true;
            }
        }

        /** The business date of {@code asOf}. */
        LocalDate date() {
            return LocalDate.ofEpochDay(day);
        }

        void step(Explanation explanation) {
            step(explanation.code(), () -> explanation);
        }

        /** A step whose explanation is built only if the outcome's explanation is read. */
        void step(String code, Supplier<Explanation> explanation) {
            if (steps == taken.length) {
                taken = java.util.Arrays.copyOf(taken, steps * 2);
            }
            taken[steps++] = code;
            taken[steps++] = explanation;
        }
    }

    private TierResult precheck(TierStatus status, OperationId operation, OperationDigest digest, long fingerprint,
            Object payload, Instant asOf) {
        OperationRows log = status.operations();
        int recorded = log.indexOf(digest);
        if (recorded >= 0) {
            if (log.fingerprint(recorded) == fingerprint) {
                return new TierResult(status, List.of(),
                        TierOutcome.Applied.recorded(TierStatus.CODES.get(IdempotencyWindow.code(log.codeWord(recorded)))), true);
            }
            return new TierResult(status, List.of(), new TierOutcome.Rejected(TierOutcome.Reason.OPERATION_CONFLICT,
                    Explanation.builder("OPERATION_CONFLICT")
                            .fact("operation", operation)
                            .fact("recordedCode", TierStatus.CODES.get(IdempotencyWindow.code(log.codeWord(recorded))))
                            .fact("recordedFingerprint", Long.toHexString(log.fingerprint(recorded)))
                            .fact("givenFingerprint", Long.toHexString(fingerprint))
                            .fact("givenPayload", payload)
                            .build()), false);
        }
        if (status.isBeforeLastDecision(asOf)) {
            return new TierResult(status, List.of(), new TierOutcome.Rejected(
                    TierOutcome.Reason.AS_OF_BEFORE_LAST_DECISION,
                    Explanation.builder("AS_OF_BEFORE_LAST_DECISION")
                            .fact("operation", operation)
                            .fact("asOf", asOf)
                            .fact("lastDecisionAt", status.lastDecisionAt())
                            .build()), false);
        }
        return null;
    }

    private void upgrade(Work w, Window q) {
        Explanation.Builder up = Explanation.builder("EARNED_TIER_UPGRADED")
                .fact("fromTier", tiers.get(w.earned).id())
                .fact("toTier", tiers.get(q.tier).id());
        qualificationFacts(up, q);
        if (w.grace != null) {
            up.fact("graceEndedOn", w.grace);
        }
        w.earned = q.tier;
        w.grace = null;
        w.step(up.build());
    }

    /** The status after {@code w}, recording the operation as of business day {@code dated} (see {@link IdempotencyWindow}). */
    private TierResult finish(Work w, OperationId operation, OperationDigest digest, long fingerprint, int dated) {
        TierStatus before = w.before;
        TierId from = before.tier();
        TierId earnedId = tiers.get(w.earned).id();
        TierId to = w.override != null ? w.override.tier() : earnedId;
        boolean moved = !to.equals(from);
        TierChanged.Kind kind = null;
        if (moved) {
            if (w.overrideSet) {
                kind = TierChanged.Kind.OVERRIDDEN;
            } else if (w.overrideEnded && w.override == null) {
                kind = TierChanged.Kind.OVERRIDE_EXPIRED;
            } else {
                kind = indexOf(to, "to") > indexOf(from, "from") ? TierChanged.Kind.UPGRADED : TierChanged.Kind.DOWNGRADED;
            }
        }
        String decisiveCode = (String) w.taken[w.steps - 2];
        String code = moved ? "TIER_" + kind.name() : decisiveCode;
        Object[] taken = w.taken;
        int steps = w.steps;
        int day = w.day;
        Supplier<Explanation> explain = () -> {
            List<Explanation> because = new ArrayList<>(steps / 2);
            for (int i = 1; i < steps; i += 2) {
                @SuppressWarnings("unchecked")
                Supplier<Explanation> step = (Supplier<Explanation>) taken[i];
                because.add(step.get());
            }
            Explanation.Builder top = Explanation.builder(code)
                    .fact("member", before.member())
                    .fact("operation", operation)
                    .fact("asOfDate", LocalDate.ofEpochDay(day))
                    .fact("from", from)
                    .fact("to", to);
            top.factsOf(because.get(because.size() - 1));
            for (Explanation step : because) {
                top.because(step);
            }
            return top.build();
        };
        TierOutcome.Applied outcome = new TierOutcome.Applied(Explanation.deferred(code, explain));
        // forget first: a log pruned of its oldest entries keeps its array, so the entry is usually written in place
        OperationRows ops = forget(before.operations(), w.day).with(digest, fingerprint,
                IdempotencyWindow.codeWord(code(code), dated));
        TierStatus after = before.next(earnedId, w.override, w.grace, moved, w.asOf, w.facts, w.factCount, ops);
        List<TierChanged> events = moved
                ? List.of(new TierChanged(before.member(), w.asOf, Optional.of(from), to, kind,
                        outcome.explanation()))
                : List.of();
        return new TierResult(after, events, outcome, false);
    }

    private void checkActivity(QualifyingActivity activity, Instant asOf) {
        if (!activity.spend().currency().equals(currency)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "activity spend currency must be %s: %s",
                    currency.getCurrencyCode(), activity.spend()));
        }
        if (activity.at().isAfter(asOf)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "activity at must be <= asOf %s: %s", asOf, activity.at()));
        }
    }

    private static String activityCode(QualifyingActivity a) {
        return a.kind() == QualifyingActivity.Kind.ORDER ? "ORDER_RECORDED" : "REFUND_RECORDED";
    }

    /** The log code of reason code {@code code}, one of {@link TierStatus#CODES}. */
    private static int code(String code) {
        int i = TierStatus.codeIndex(code);
        if (i < 0) {
            throw new IllegalStateException("reason code must be one of " + TierStatus.CODES + ": " + code);
        }
        return i;
    }

    /** The fingerprint of an activity's payload: every field, the operation id included. */
    static long fingerprint(QualifyingActivity a) {
        return new PayloadHasher().number(1).text(a.operation().value()).number(a.kind().ordinal())
                .number(a.countsAt().getEpochSecond()).number(a.countsAt().getNano())
                .number(a.at().getEpochSecond()).number(a.at().getNano())
                .text(a.spend().currency().getCurrencyCode()).number(a.spend().minor())
                .number(a.pointsEarned()).number(a.orders()).hash();
    }

    private Explanation activityExplanation(QualifyingActivity a, int countsOn) {
        return Explanation.builder(activityCode(a))
                .fact("activity", a.operation())
                .fact("countsOn", LocalDate.ofEpochDay(countsOn))
                .fact("spend", a.spend())
                .fact("pointsEarned", a.pointsEarned())
                .fact("orders", a.orders())
                .build();
    }

    private void qualificationFacts(Explanation.Builder why, Window w) {
        why.fact("metric", metric)
                .fact("window", windowText)
                .fact("windowStart", LocalDate.ofEpochDay(w.start))
                .fact("windowEnd", LocalDate.ofEpochDay(w.end))
                .fact("value", format(w.value))
                .fact("earnedTier", tiers.get(w.tier).id())
                .fact("threshold", format(thresholds[w.tier]));
        if (w.tier + 1 < tiers.size()) {
            why.fact("nextTier", tiers.get(w.tier + 1).id()).fact("nextThreshold", format(thresholds[w.tier + 1]));
        }
    }

    private void retentionFacts(Explanation.Builder why, Window r, int held) {
        why.fact("tier", tiers.get(held).id())
                .fact("metric", metric)
                .fact("window", windowText)
                .fact("windowStart", LocalDate.ofEpochDay(r.start))
                .fact("windowEnd", LocalDate.ofEpochDay(r.end))
                .fact("value", format(r.value))
                .fact("retention", format(retentions[held]))
                .fact("threshold", format(thresholds[held]));
    }

    private static String describe(QualificationWindow window) {
        if (window instanceof QualificationWindow.Rolling r) {
            return "rolling " + r.amount() + " " + r.unit().name().toLowerCase(Locale.ROOT);
        }
        return window instanceof QualificationWindow.CalendarYear ? "calendar year" : "anniversary year";
    }

    /**
     * {@code value} as an explanation fact: money for spend, a number otherwise, both rendered only
     * when the fact is read (the same text as {@link #amountFormat}).
     */
    private Object format(long value) {
        return metric == Metric.SPEND ? Money.ofMinor(value, currency) : (Object) value;
    }

    /** Renders values of {@code metric}: money for spend, plain numbers otherwise. */
    static LongFunction<String> amountFormat(Metric metric, Currency currency) {
        return metric == Metric.SPEND ? v -> Money.ofMinor(v, currency).toString() : Long::toString;
    }

    private int indexOf(TierId id, String field) {
        Objects.requireNonNull(id, field);
        for (int k = 0; k < ids.length; k++) {
            if (ids[k] == id) {
                return k; // a status this program made holds the ladder's own ids: no hashing
            }
        }
        Integer i = index.get(id);
        if (i == null) {
            List<TierId> known = new ArrayList<>(tiers.size());
            for (Tier tier : tiers) {
                known.add(tier.id());
            }
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be one of %s: %s", field, known, id));
        }
        return i;
    }

    int epochDay(Instant instant) {
        return Math.toIntExact(days.epochDay(instant));
    }

    private int tierIndex(long value) {
        int i = thresholds.length - 1;
        while (i > 0 && thresholds[i] > value) {
            i--;
        }
        return i;
    }

    private int supported(long value, int held) {
        for (int j = held - 1; j > 0; j--) {
            if (value >= retentions[j]) {
                return j;
            }
        }
        return 0;
    }

    private long valueOver(long[] facts, int size, int start, int end) {
        return Math.max(0, QualifyingHistory.sum(facts, size, metric, start, end));
    }

    /** {@code ops} as {@link IdempotencyWindow#forget} leaves a log when the latest day recorded is {@code latestDay}. */
    private OperationRows forget(OperationRows ops, int latestDay) {
        return ops.forget(idempotency, latestDay);
    }

    private Window current(long[] facts, int size, LocalDate joinedOn, int day) {
        int start = windowStart(day, joinedOn);
        long value = valueOver(facts, size, start, day);
        return new Window(start, day, value, tierIndex(value));
    }

    /** The better of the current window and, for calendar and anniversary years, the previous complete year. */
    private Window retention(long[] facts, int size, LocalDate joinedOn, int day, Window current) {
        int previousStart = previousStart(current.start, joinedOn);
        if (previousStart == Integer.MIN_VALUE) {
            return current;
        }
        long previous = valueOver(facts, size, previousStart, current.start - 1);
        return previous > current.value
                ? new Window(previousStart, current.start - 1, previous, tierIndex(previous))
                : current;
    }

    /** {@link #retention}'s value without allocating a window. */
    private long retentionValue(long[] facts, int size, LocalDate joinedOn, int start, long current) {
        int previousStart = previousStart(start, joinedOn);
        return previousStart == Integer.MIN_VALUE
                ? current
                : Math.max(current, valueOver(facts, size, previousStart, start - 1));
    }

    /** The first day of the year before the one starting on {@code start}; MIN_VALUE if there is none. */
    private int previousStart(int start, LocalDate joinedOn) {
        if (window instanceof QualificationWindow.Rolling) {
            return Integer.MIN_VALUE;
        }
        LocalDate first = LocalDate.ofEpochDay(start);
        if (window instanceof QualificationWindow.CalendarYear) {
            return (int) first.minusYears(1).toEpochDay();
        }
        if (!first.isAfter(joinedOn)) {
            return Integer.MIN_VALUE;
        }
        return (int) anniversaryOnOrBefore(joinedOn, first.minusDays(1)).toEpochDay();
    }

    /** The epoch day of the first day of the current window for business day {@code day}. */
    int windowStart(int day, LocalDate joinedOn) {
        if (window instanceof QualificationWindow.Rolling r) {
            if (r.unit() == ChronoUnit.DAYS) {
                return day - r.amount() + 1;
            }
            return (int) LocalDate.ofEpochDay(day).minusMonths(r.amount()).toEpochDay() + 1;
        }
        LocalDate date = LocalDate.ofEpochDay(day);
        if (window instanceof QualificationWindow.CalendarYear) {
            return day - date.getDayOfYear() + 1;
        }
        return (int) anniversaryOnOrBefore(joinedOn, date).toEpochDay();
    }

    /** The latest anniversary of {@code joinedOn} on or before {@code date} ({@code joinedOn} itself if none). */
    static LocalDate anniversaryOnOrBefore(LocalDate joinedOn, LocalDate date) {
        if (!date.isAfter(joinedOn)) {
            return joinedOn;
        }
        int years = date.getYear() - joinedOn.getYear();
        LocalDate anniversary = joinedOn.plusYears(years);
        return anniversary.isAfter(date) ? joinedOn.plusYears(years - 1L) : anniversary;
    }

    // ------------------------------------------------------------------ builder

    /**
     * Builds a {@link TierProgram}, validating the ladder on {@link #build()}. Not thread-safe; use
     * one per program.
     */
    public static final class Builder {
        private Currency currency = Money.CNY;
        private ZoneId zone = BusinessClock.SHANGHAI;
        private Metric metric = Metric.SPEND;
        private QualificationWindow window = QualificationWindow.rollingMonths(12);
        private Period grace = Period.ZERO;
        private DowngradeRule downgrade = DowngradeRule.ONE_TIER;
        private IdempotencyWindow idempotency = IdempotencyWindow.unbounded();
        private final List<Tier> tiers = new ArrayList<>();
        private final List<Currency> thresholdCurrencies = new ArrayList<>();

        private Builder() {
        }

        /** The currency of spend (default CNY). */
        public Builder currency(Currency currency) {
            this.currency = Objects.requireNonNull(currency, "currency");
            return this;
        }

        /** The zone business dates are read in (default Asia/Shanghai). */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** What qualifies (default spend). */
        public Builder metric(Metric metric) {
            this.metric = Objects.requireNonNull(metric, "metric");
            return this;
        }

        /** Over which period (default 12 rolling months). */
        public Builder window(QualificationWindow window) {
            this.window = Objects.requireNonNull(window, "window");
            return this;
        }

        /** The grace period (default none). @throws IllegalArgumentException if a part is negative */
        public Builder grace(Period grace) {
            Objects.requireNonNull(grace, "grace");
            if (grace.getYears() < 0 || grace.getMonths() < 0 || grace.getDays() < 0) {
                throw new IllegalArgumentException("grace must not be negative: " + grace);
            }
            this.grace = grace;
            return this;
        }

        /** Where a downgrade lands (default one tier down). */
        public Builder downgrade(DowngradeRule rule) {
            this.downgrade = Objects.requireNonNull(rule, "rule");
            return this;
        }

        /** How long statuses remember recorded activities (default unbounded); see {@link TierProgram#idempotencyWindow()}. */
        public Builder idempotencyWindow(IdempotencyWindow window) {
            this.idempotency = Objects.requireNonNull(window, "window");
            return this;
        }

        /** Adds the next tier up the ladder; thresholds in the metric's unit. */
        public Builder tier(Tier tier) {
            tiers.add(Objects.requireNonNull(tier, "tier"));
            thresholdCurrencies.add(null);
            return this;
        }

        /** Adds the next tier of a spend ladder with money thresholds, which must be in the program's currency. */
        public Builder spendTier(TierId id, String name, Money threshold, Money retention, TierBenefits benefits) {
            Objects.requireNonNull(threshold, "threshold");
            Objects.requireNonNull(retention, "retention");
            threshold.checkSameCurrency(retention);
            tiers.add(new Tier(id, name, threshold.minor(), retention.minor(), benefits));
            thresholdCurrencies.add(threshold.currency());
            return this;
        }

        /**
         * The program.
         *
         * @throws IllegalArgumentException if there is no tier, the first threshold is not zero,
         *     thresholds do not strictly increase, an id repeats, or a money threshold is in
         *     another currency (or the metric is not spend), naming {@code tiers[i].field} and the value
         */
        public TierProgram build() {
            check(tiers, amountFormat(metric, currency), (i, field, problem) -> new IllegalArgumentException(
                    "tiers" + (i < 0 ? "" : "[" + i + "]." + field) + " must be " + problem));
            for (int i = 0; i < tiers.size(); i++) {
                Currency c = thresholdCurrencies.get(i);
                if (c != null && (!c.equals(currency) || metric != Metric.SPEND)) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "tiers[%d].threshold must be in %s on a spend ladder: %s %s", i,
                            currency.getCurrencyCode(), c.getCurrencyCode(), metric));
                }
            }
            return new TierProgram(this);
        }
    }

    /** Builds the error for a ladder rule broken at {@code tiers[index].field}; index -1 for the list. */
    interface LadderError {
        RuntimeException at(int index, String field, String problem);
    }

    /** The rules of a ladder, shared by the builder and the JSON reader. */
    static void check(List<Tier> tiers, LongFunction<String> format, LadderError error) {
        if (tiers.isEmpty()) {
            throw error.at(-1, "", "a non-empty list of tiers: []");
        }
        Set<TierId> ids = new HashSet<>();
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            if (!ids.add(tier.id())) {
                throw error.at(i, "id", "unique: " + tier.id());
            }
            if (i == 0 && tier.threshold() != 0) {
                throw error.at(i, "threshold", "0 for the first tier: " + format.apply(tier.threshold()));
            }
            if (i > 0 && tier.threshold() <= tiers.get(i - 1).threshold()) {
                throw error.at(i, "threshold", String.format(Locale.ROOT, "> %s, the threshold of tiers[%d] %s: %s",
                        format.apply(tiers.get(i - 1).threshold()), i - 1, tiers.get(i - 1).id(),
                        format.apply(tier.threshold())));
            }
        }
    }
}
