package dev.siyu.attribution.commission;

import dev.siyu.attribution.Outcome;
import dev.siyu.attribution.RejectReason;
import dev.siyu.attribution.event.CommissionAccrued;
import dev.siyu.attribution.event.CommissionClawedBack;
import dev.siyu.attribution.event.CommissionSettled;
import dev.siyu.attribution.event.PendingCommissionForfeited;
import dev.siyu.core.explain.Explanation;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.kernel.OperationDigest;
import dev.siyu.core.kernel.PayloadHasher;
import dev.siyu.core.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Books commission in guides' ledgers under one {@link CommissionPlan}: accruals (frozen until
 * the return window closes), clawbacks, monthly settlement and departure.
 *
 * <p><b>Freeze and settlement.</b> An accrual is booked in its order's business month. A month can
 * be settled once every booked order's return window has closed (at the earliest
 * {@code returnWindowDays} after the month's last day) and every earlier open month is settled.
 * Settlement adds the tier bonus on the month's credited net, applies the monthly cap, nets
 * clawbacks booked from earlier settled months and the amount carried in, and pays the rest; a
 * negative result, or one below the minimum payout, is carried to the next settlement. The
 * statement's lines sum to the payout exactly.
 *
 * <p><b>Clawback.</b> A refund of an order whose month is still open reduces that month's frozen
 * amount (and its credited net). A refund of an order whose month was settled (perhaps already
 * paid) is booked as a negative entry in the first open month (the refund's month, or the month
 * after the last settled one), so it is netted against the next payout and never lost. A late
 * accrual for a settled month is booked likewise. Tier bonuses already settled are not revisited.
 *
 * <p><b>Memory.</b> A ledger keeps aggregates per open month and, for the operations of the open
 * months only, the kernel's operation record ({@link dev.siyu.core.kernel.OperationLog}: the
 * 128-bit digest of the operation id, the 64-bit fingerprint of the payload and the month it was
 * booked in, 40 bytes each in one primitive array; other commands than accruals and clawbacks also
 * keep their outcome); settlement prunes them. Two ids of one ledger's open months would be
 * confused only if their digests collided (at most n² / 2¹²⁹ for n operations). A replay of
 * an operation from a settled month is caught by the host's store ({@code VersionedStore#isApplied},
 * which records operation ids in the same write), not by the ledger.
 *
 * <p>Idempotent by operation id within the open months; never reads the clock. Immutable and
 * thread-safe.
 */
public final class CommissionLedger {

    private final CommissionPlan plan;
    private final Money zero;

    private CommissionLedger(CommissionPlan plan) {
        this.plan = plan;
        this.zero = Money.zero(plan.currency());
    }

    /** A ledger engine for {@code plan}. */
    public static CommissionLedger of(CommissionPlan plan) {
        return new CommissionLedger(Objects.requireNonNull(plan, "plan"));
    }

    public CommissionPlan plan() {
        return plan;
    }

    /**
     * A batch booking accruals onto {@code ledgers} (guides absent start empty); see {@link LedgerBatch}.
     */
    public LedgerBatch batch(Map<GuideId, GuideLedger> ledgers) {
        return new LedgerBatch(this, Map.copyOf(ledgers));
    }

    /** An empty ledger for {@code guide} in the plan's currency. */
    public GuideLedger open(GuideId guide) {
        return GuideLedger.empty(guide, plan.currency());
    }

    /**
     * Books an accrual, frozen.
     *
     * @throws IllegalArgumentException if the accrual is another guide's or in another currency
     */
    public LedgerResult accrue(GuideLedger ledger, Accrual accrual, OperationId operation) {
        Objects.requireNonNull(accrual, "accrual");
        check(ledger, accrual.guide(), accrual.amount(), operation);
        long fingerprint = fingerprint(accrual);
        OpLog ops = ledger.operations();
        OperationDigest digest = OperationDigest.of(operation.value());
        int seen = ops.find(digest);
        if (seen >= 0) {
            Outcome recorded = new Outcome.Applied(accrued(accrual, ops.period(seen)));
            return new LedgerResult(ledger, List.of(), ops.fingerprint(seen) == fingerprint
                    ? new Outcome.Duplicate(recorded)
                    : new Outcome.Conflict(operation, ops.outcome(seen) != null ? ops.outcome(seen) : recorded),
                    Optional.empty());
        }
        boolean late = isSettled(ledger, accrual.period());
        YearMonth target = late ? ledger.settledThrough().orElseThrow().plusMonths(1) : accrual.period();
        PeriodAccount[] periods = ledger.periods();
        int at = 0;
        while (at < periods.length && periods[at].period().isBefore(target)) {
            at++;
        }
        boolean exists = at < periods.length && periods[at].period().equals(target);
        PeriodAccount a = exists ? periods[at] : PeriodAccount.empty(target, zero, accrual.releaseOn());
        LocalDate releaseOn = a.releaseOn().isAfter(accrual.releaseOn()) ? a.releaseOn() : accrual.releaseOn();
        PeriodAccount booked = new PeriodAccount(target, late ? a.accrued() : a.accrued().plus(accrual.amount()),
                a.refunded(), a.salesBase().plus(accrual.salesBase()), a.orders() + 1, a.clawbacksAfterSettlement(),
                late ? a.lateAccruals().plus(accrual.amount()) : a.lateAccruals(), a.forfeited(), releaseOn);
        PeriodAccount[] next;
        if (exists) {
            next = periods.clone();
            next[at] = booked;
        } else {
            next = new PeriodAccount[periods.length + 1];
            System.arraycopy(periods, 0, next, 0, at);
            next[at] = booked;
            System.arraycopy(periods, at, next, at + 1, periods.length - at);
        }
        Explanation why = accrued(accrual, target);
        Outcome outcome = new Outcome.Applied(why);
        CommissionAccrued event = new CommissionAccrued(accrual.member(), accrual.placedAt(), operation, accrual.guide(),
                accrual.order(), target, accrual.amount(), accrual.releaseOn(), why);
        return new LedgerResult(new GuideLedger(ledger, ledger.version() + 1, next,
                ops.add(digest, fingerprint, null, target)), List.of(event), outcome, Optional.empty());
    }

    /**
     * Books a clawback: in the order's month while it is open, else as a negative entry in the
     * first open month.
     *
     * @throws IllegalArgumentException if the clawback is another guide's or in another currency
     */
    public LedgerResult clawback(GuideLedger ledger, Clawback clawback, OperationId operation) {
        Objects.requireNonNull(clawback, "clawback");
        check(ledger, clawback.guide(), clawback.amount(), operation);
        long fingerprint = fingerprint(clawback);
        OpLog ops = ledger.operations();
        OperationDigest digest = OperationDigest.of(operation.value());
        int seen = ops.find(digest);
        if (seen >= 0) {
            YearMonth bookedIn = ops.period(seen);
            Outcome recorded = new Outcome.Applied(clawedBack(clawback, bookedIn,
                    !bookedIn.equals(clawback.orderPeriod())));
            return new LedgerResult(ledger, List.of(), ops.fingerprint(seen) == fingerprint
                    ? new Outcome.Duplicate(recorded)
                    : new Outcome.Conflict(operation, ops.outcome(seen) != null ? ops.outcome(seen) : recorded),
                    Optional.empty());
        }
        SortedMap<YearMonth, PeriodAccount> open = ledger.openMutableCopy();
        boolean afterSettlement = isSettled(ledger, clawback.orderPeriod());
        YearMonth target;
        if (!afterSettlement) {
            target = clawback.orderPeriod();
            PeriodAccount a = open.getOrDefault(target, PeriodAccount.empty(target, zero,
                    target.atEndOfMonth().plusDays(plan.returnWindowDays())));
            boolean forfeitedAlready = ledger.departed() && plan.pendingOnDeparture() == PendingOnDeparture.FORFEIT
                    && a.forfeited().isPositive();
            open.put(target, new PeriodAccount(target, forfeitedAlready ? a.accrued() : a.accrued().minus(clawback.amount()),
                    a.refunded().plus(clawback.amount()), a.salesBase().minus(clawback.salesBase()), a.orders(),
                    a.clawbacksAfterSettlement(), a.lateAccruals(),
                    forfeitedAlready ? a.forfeited().minus(clawback.amount()) : a.forfeited(), a.releaseOn()));
        } else {
            YearMonth refundMonth = YearMonth.from(clawback.refundAt().atZone(plan.zone()));
            YearMonth firstOpen = ledger.settledThrough().orElseThrow().plusMonths(1);
            target = refundMonth.isAfter(firstOpen) ? refundMonth : firstOpen;
            PeriodAccount a = open.getOrDefault(target, PeriodAccount.empty(target, zero,
                    target.atEndOfMonth().plusDays(plan.returnWindowDays())));
            open.put(target, new PeriodAccount(target, a.accrued(), a.refunded(), a.salesBase(), a.orders(),
                    a.clawbacksAfterSettlement().plus(clawback.amount()), a.lateAccruals(), a.forfeited(),
                    a.releaseOn()));
        }
        Explanation why = clawedBack(clawback, target, afterSettlement);
        Outcome outcome = new Outcome.Applied(why);
        CommissionClawedBack event = new CommissionClawedBack(clawback.member(), clawback.refundAt(), operation,
                clawback.guide(), clawback.order(), clawback.orderPeriod(), target, afterSettlement,
                clawback.amount(), why);
        return new LedgerResult(next(ledger, open, ledger.settledThrough(), ledger.carried(), ledger.lastStatement(),
                ledger.departed(), ops.add(digest, fingerprint, null, target)), List.of(event),
                outcome, Optional.empty());
    }

    /** The statement {@code period} would get if settled now (nothing changes). */
    public Statement preview(GuideLedger ledger, YearMonth period) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(period, "period");
        PeriodAccount account = ledger.openRaw().getOrDefault(period, PeriodAccount.empty(period, zero,
                period.atEndOfMonth().plusDays(plan.returnWindowDays())));
        return statement(ledger, account, false);
    }

    record SettleRequest(YearMonth period, Instant asOf) {
    }

    /**
     * Settles {@code period} as of {@code asOf}: refused while a return window is open, when an
     * earlier period is open, or when already settled.
     */
    public LedgerResult settle(GuideLedger ledger, YearMonth period, Instant asOf, OperationId operation) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(asOf, "asOf");
        check(ledger, ledger.guide(), zero, operation);
        SettleRequest request = new SettleRequest(period, asOf);
        Optional<LedgerResult> replay = replay(ledger, request, operation);
        if (replay.isPresent()) {
            return replay.get();
        }
        Explanation.Builder why = Explanation.builder("SETTLEMENT").fact("period", period).fact("asOf", asOf);
        if (isSettled(ledger, period)) {
            return rejected(ledger, request, operation, RejectReason.ALREADY_SETTLED,
                    why.fact("settledThrough", ledger.settledThrough().orElseThrow()));
        }
        if (!ledger.openRaw().isEmpty() && ledger.openRaw().keySet().iterator().next().isBefore(period)) {
            return rejected(ledger, request, operation, RejectReason.EARLIER_PERIOD_OPEN,
                    why.fact("earliestOpen", ledger.openRaw().keySet().iterator().next()));
        }
        PeriodAccount account = ledger.openRaw().getOrDefault(period, PeriodAccount.empty(period, zero,
                period.atEndOfMonth().plusDays(plan.returnWindowDays())));
        LocalDate earliest = period.atEndOfMonth().plusDays(plan.returnWindowDays());
        if (account.releaseOn().isAfter(earliest)) {
            earliest = account.releaseOn();
        }
        LocalDate today = asOf.atZone(plan.zone()).toLocalDate();
        if (today.isBefore(earliest)) {
            return rejected(ledger, request, operation, RejectReason.RETURN_WINDOW_OPEN,
                    why.fact("today", today).fact("settleableFrom", earliest));
        }
        Statement statement = statement(ledger, account, true);
        SortedMap<YearMonth, PeriodAccount> open = ledger.openMutableCopy();
        open.remove(period);
        Outcome outcome = new Outcome.Applied(why.fact("payout", statement.payout())
                .fact("carriedOut", statement.carriedOut()).build());
        OpLog ops = ledger.operations().prune(period).add(operation, fingerprint(request), outcome, period);
        GuideLedger after = next(ledger, open, Optional.of(period), statement.carriedOut(), Optional.of(statement),
                ledger.departed(), ops);
        return new LedgerResult(after, List.of(new CommissionSettled(ledger.guide(), asOf, operation, period,
                statement.payout(), statement.carriedOut())), outcome, Optional.of(statement));
    }

    record DepartRequest(Instant at) {
    }

    /**
     * Records the guide's departure and applies the plan's {@link PendingOnDeparture} policy to the
     * frozen commission of the open periods.
     */
    public LedgerResult depart(GuideLedger ledger, Instant at, OperationId operation) {
        Objects.requireNonNull(at, "at");
        check(ledger, ledger.guide(), zero, operation);
        DepartRequest request = new DepartRequest(at);
        Optional<LedgerResult> replay = replay(ledger, request, operation);
        if (replay.isPresent()) {
            return replay.get();
        }
        SortedMap<YearMonth, PeriodAccount> open = ledger.openMutableCopy();
        Money forfeited = zero;
        if (plan.pendingOnDeparture() == PendingOnDeparture.FORFEIT && !ledger.departed()) {
            for (PeriodAccount a : List.copyOf(open.values())) {
                forfeited = forfeited.plus(a.accrued());
                open.put(a.period(), new PeriodAccount(a.period(), zero, a.refunded(), a.salesBase(), a.orders(),
                        a.clawbacksAfterSettlement(), a.lateAccruals(), a.forfeited().plus(a.accrued()),
                        a.releaseOn()));
            }
        }
        Outcome outcome = new Outcome.Applied(Explanation.builder("GUIDE_DEPARTED")
                .fact("policy", plan.pendingOnDeparture()).fact("forfeited", forfeited)
                .fact("frozenKept", plan.pendingOnDeparture() == PendingOnDeparture.KEEP_WITH_LEAVER
                        ? ledger.frozen() : zero)
                .build());
        YearMonth period = ledger.openRaw().isEmpty()
                ? YearMonth.from(at.atZone(plan.zone())) : ledger.openRaw().keySet().iterator().next();
        List<Record> events = forfeited.isZero() ? List.of()
                : List.of(new PendingCommissionForfeited(ledger.guide(), at, operation, forfeited));
        return new LedgerResult(next(ledger, open, ledger.settledThrough(), ledger.carried(), ledger.lastStatement(),
                true, ledger.operations().add(operation, fingerprint(request), outcome, period)), events, outcome,
                Optional.empty());
    }

    private Statement statement(GuideLedger ledger, PeriodAccount a, boolean settled) {
        List<StatementLine> lines = new ArrayList<>();
        Money gross = a.accrued().plus(a.refunded()).plus(a.forfeited());
        lines.add(new StatementLine("ACCRUED", gross, Explanation.builder("ACCRUED").fact("period", a.period())
                .fact("accruals", a.orders()).fact("creditedNet", a.salesBase())
                .fact("frozenUntil", a.releaseOn()).build()));
        if (!a.refunded().isZero()) {
            lines.add(new StatementLine("REFUNDED", a.refunded().negate(), Explanation.builder("REFUNDED")
                    .fact("rule", "refunds before settlement recompute each line on its remaining net").build()));
        }
        if (!a.forfeited().isZero()) {
            lines.add(new StatementLine("FORFEITED", a.forfeited().negate(), Explanation.builder("FORFEITED")
                    .fact("policy", plan.pendingOnDeparture()).build()));
        }
        Money subtotal = a.accrued();
        if (!a.lateAccruals().isZero()) {
            lines.add(new StatementLine("LATE_ACCRUALS", a.lateAccruals(), Explanation.builder("LATE_ACCRUALS")
                    .fact("rule", "orders of settled periods booked in the first open period").build()));
            subtotal = subtotal.plus(a.lateAccruals());
        }
        boolean forfeits = ledger.departed() && plan.pendingOnDeparture() == PendingOnDeparture.FORFEIT;
        Money bonus = forfeits ? zero : plan.tierBonus(a.salesBase());
        if (plan.tierMethod().isPresent()) {
            lines.add(new StatementLine("TIER_BONUS", bonus, Explanation.builder("TIER_BONUS")
                    .fact("method", plan.tierMethod().get()).fact("creditedNet", a.salesBase())
                    .fact("bands", plan.tiers().size()).fact("rounding", plan.rounding())
                    .fact("forfeited", forfeits).build()));
            subtotal = subtotal.plus(bonus);
        }
        if (plan.monthlyCap().isPresent() && subtotal.isGreaterThan(plan.monthlyCap().get())) {
            Money cut = subtotal.minus(plan.monthlyCap().get());
            lines.add(new StatementLine("CAP", cut.negate(), Explanation.builder("CAP")
                    .fact("cap", plan.monthlyCap().get()).fact("beforeCap", subtotal).build()));
            subtotal = plan.monthlyCap().get();
        }
        Money due = subtotal;
        if (!a.clawbacksAfterSettlement().isZero()) {
            lines.add(new StatementLine("CLAWBACK_AFTER_SETTLEMENT", a.clawbacksAfterSettlement().negate(),
                    Explanation.builder("CLAWBACK_AFTER_SETTLEMENT")
                            .fact("rule", "refunds of orders in settled periods, netted against this payout").build()));
            due = due.minus(a.clawbacksAfterSettlement());
        }
        if (!ledger.carried().isZero()) {
            lines.add(new StatementLine("CARRIED_IN", ledger.carried(), Explanation.builder("CARRIED_IN")
                    .fact("from", ledger.settledThrough().map(Object::toString).orElse("none")).build()));
            due = due.plus(ledger.carried());
        }
        Money carryOut = zero;
        String carryWhy = null;
        if (due.isNegative()) {
            carryOut = due;
            carryWhy = "NEGATIVE_BALANCE";
        } else if (due.isPositive() && plan.minimumPayout().isPresent() && due.isLessThan(plan.minimumPayout().get())) {
            carryOut = due;
            carryWhy = "BELOW_MINIMUM_PAYOUT";
        }
        if (carryWhy != null) {
            lines.add(new StatementLine("CARRIED_OUT", carryOut.negate(), Explanation.builder(carryWhy)
                    .fact("due", due).fact("minimumPayout", plan.minimumPayout().map(Object::toString).orElse("none"))
                    .fact("to", a.period().plusMonths(1)).build()));
        }
        return new Statement(ledger.guide(), a.period(), lines, due.minus(carryOut), carryOut, settled);
    }

    private LedgerResult rejected(GuideLedger ledger, Record request, OperationId operation, RejectReason reason,
            Explanation.Builder why) {
        Outcome outcome = new Outcome.Rejected(reason, why.build());
        YearMonth period = ledger.openRaw().isEmpty()
                ? ledger.settledThrough().map(p -> p.plusMonths(1)).orElse(YearMonth.of(1970, 1))
                : ledger.openRaw().keySet().iterator().next();
        return new LedgerResult(next(ledger, ledger.openMutableCopy(), ledger.settledThrough(), ledger.carried(),
                ledger.lastStatement(), ledger.departed(), ledger.operations().add(operation, fingerprint(request), outcome,
                        period)),
                List.of(), outcome, Optional.empty());
    }

    private static GuideLedger next(GuideLedger ledger, SortedMap<YearMonth, PeriodAccount> open,
            Optional<YearMonth> settledThrough, Money carried, Optional<Statement> lastStatement, boolean departed,
            OpLog ops) {
        return new GuideLedger(ledger.guide(), ledger.currency(), ledger.version() + 1, open, settledThrough, carried,
                lastStatement, departed, ops);
    }

    private static boolean isSettled(GuideLedger ledger, YearMonth period) {
        return ledger.settledThrough().map(s -> !period.isAfter(s)).orElse(false);
    }

    private static Optional<LedgerResult> replay(GuideLedger ledger, Record payload, OperationId operation) {
        OpLog ops = ledger.operations();
        int found = ops.find(operation);
        if (found < 0) {
            return Optional.empty();
        }
        Outcome recorded = ops.outcome(found) != null ? ops.outcome(found) : Outcome.applied("BOOKED");
        Outcome outcome = ops.fingerprint(found) == fingerprint(payload) ? new Outcome.Duplicate(recorded)
                : new Outcome.Conflict(operation, recorded);
        return Optional.of(new LedgerResult(ledger, List.of(), outcome, Optional.empty()));
    }

    /** The kernel's {@link PayloadHasher} fingerprint of a command's payload, field by field. */
    private static long fingerprint(Record payload) {
        if (payload instanceof Accrual a) {
            return new PayloadHasher().text("accrual").text(a.guide().value()).text(a.member().value())
                    .text(a.order().value()).number(a.placedAt().getEpochSecond()).number(a.placedAt().getNano())
                    .number(month(a.period())).number(a.releaseOn().toEpochDay()).number(a.amount().minor())
                    .number(a.salesBase().minor()).hash();
        }
        if (payload instanceof Clawback c) {
            return new PayloadHasher().text("clawback").text(c.guide().value()).text(c.member().value())
                    .text(c.order().value()).text(c.refund().value()).number(c.refundAt().getEpochSecond())
                    .number(c.refundAt().getNano()).number(month(c.orderPeriod())).number(c.amount().minor())
                    .number(c.salesBase().minor()).hash();
        }
        return OpLog.fingerprint(payload.getClass().getSimpleName(), String.valueOf(payload));
    }

    private static long month(YearMonth period) {
        return period.getYear() * 12L + period.getMonthValue() - 1;
    }

    private static Explanation accrued(Accrual accrual, YearMonth target) {
        return Explanation.builder(target.equals(accrual.period()) ? "COMMISSION_ACCRUED" : "COMMISSION_ACCRUED_LATE")
                .fact("order", accrual.order()).fact("amount", accrual.amount()).fact("bookedIn", target)
                .fact("frozenUntil", accrual.releaseOn()).build();
    }

    private static Explanation clawedBack(Clawback clawback, YearMonth target, boolean afterSettlement) {
        return Explanation.builder(afterSettlement ? "CLAWBACK_AFTER_SETTLEMENT" : "CLAWBACK_FROZEN")
                .fact("order", clawback.order()).fact("refund", clawback.refund()).fact("amount", clawback.amount())
                .fact("orderPeriod", clawback.orderPeriod()).fact("bookedIn", target)
                .because(clawback.explanation()).build();
    }

    private void check(GuideLedger ledger, GuideId guide, Money amount, OperationId operation) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(operation, "operation");
        if (!ledger.guide().equals(guide)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "guide must be %s: %s", ledger.guide(), guide));
        }
        amount.checkSameCurrency(zero);
        if (!ledger.currency().equals(plan.currency())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "ledger currency must be %s: %s",
                    plan.currency().getCurrencyCode(), ledger.currency().getCurrencyCode()));
        }
    }
}
