package dev.siyu.examples.demo;

import dev.siyu.attribution.binding.BindingEngine;
import dev.siyu.attribution.binding.BindingPolicy;
import dev.siyu.attribution.binding.BindingScope;
import dev.siyu.attribution.binding.CustomerBinding;
import dev.siyu.attribution.binding.Touch;
import dev.siyu.attribution.binding.TouchKind;
import dev.siyu.attribution.commission.Accrual;
import dev.siyu.attribution.commission.Clawback;
import dev.siyu.attribution.commission.CommissionLedger;
import dev.siyu.attribution.commission.CommissionPlan;
import dev.siyu.attribution.commission.DistributionNetwork;
import dev.siyu.attribution.commission.GuideLedger;
import dev.siyu.attribution.commission.OrderCommission;
import dev.siyu.attribution.commission.RefundCommission;
import dev.siyu.attribution.commission.Statement;
import dev.siyu.attribution.credit.AttributionPolicy;
import dev.siyu.attribution.credit.OrderTouches;
import dev.siyu.core.churn.ChurnLevel;
import dev.siyu.core.churn.ChurnModels;
import dev.siyu.core.churn.ChurnPolicy;
import dev.siyu.core.churn.ChurnScorer;
import dev.siyu.core.churn.CustomerSummary;
import dev.siyu.core.churn.FitOptions;
import dev.siyu.core.churn.FitResult;
import dev.siyu.core.churn.GammaGamma;
import dev.siyu.core.churn.MemberScore;
import dev.siyu.core.churn.ModifiedBetaGeo;
import dev.siyu.core.churn.PeriodUnit;
import dev.siyu.core.churn.Summaries;
import dev.siyu.core.churn.SummaryTable;
import dev.siyu.core.id.CounterId;
import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.member.MemberProfile;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.Refund;
import dev.siyu.core.order.Tender;
import dev.siyu.core.order.TenderType;
import dev.siyu.core.points.ExpiringPoints;
import dev.siyu.core.points.PointsAccount;
import dev.siyu.core.store.InMemoryVersionedStore;
import dev.siyu.core.tier.Tier;
import dev.siyu.coupons.checkout.AppliedCoupon;
import dev.siyu.coupons.checkout.Basket;
import dev.siyu.coupons.checkout.Checkout;
import dev.siyu.coupons.checkout.LineShare;
import dev.siyu.coupons.checkout.Offer;
import dev.siyu.coupons.checkout.Shopper;
import dev.siyu.coupons.event.CouponEvent;
import dev.siyu.coupons.redemption.CouponLedger;
import dev.siyu.coupons.redemption.CouponResult;
import dev.siyu.coupons.settlement.FundingEntry;
import dev.siyu.coupons.settlement.Settlement;
import dev.siyu.coupons.settlement.SettlementStatement;
import dev.siyu.coupons.template.CouponTemplate;
import dev.siyu.coupons.template.CouponTemplates;
import dev.siyu.coupons.wallet.Coupon;
import dev.siyu.coupons.wallet.CouponId;
import dev.siyu.tagging.audience.Audience;
import dev.siyu.tagging.audience.Selection;
import dev.siyu.tagging.audience.TagIndex;
import dev.siyu.tagging.catalogue.TagCatalogue;
import dev.siyu.tagging.catalogue.TagId;
import dev.siyu.tagging.contact.Channel;
import dev.siyu.tagging.contact.ContactLog;
import dev.siyu.tagging.contact.ContactPolicy;
import dev.siyu.tagging.engine.FeatureTable;
import dev.siyu.tagging.engine.MemberTags;
import dev.siyu.tagging.engine.TagEngine;
import dev.siyu.tagging.feature.FeatureCatalogue;
import dev.siyu.tagging.feature.MemberFacts;
import dev.siyu.tagging.rule.Rule;
import dev.siyu.testkit.member.MemberGenerators;
import dev.siyu.testkit.order.OrderGenerators;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The main job: a year (2026) of a department store's private domain from a fixed seed. Members
 * join through channels and are each bound to a guide of their home store; they shop across the
 * counters of three stores and return some purchases; tiers and points run as in {@link Demo};
 * a tag catalogue is evaluated at every month end and two coupon campaigns are issued to its
 * audiences under consent; checkout picks the best coupons and the coupon ledger redeems them;
 * guides earn commission, settled monthly once the return window closes; at the end a MBG/NBD
 * model fitted on the year's purchases scores every buyer. Prints a report and writes an HTML
 * report with inline SVG charts.
 *
 * <p>Not thread-safe; one instance runs one year.
 */
final class StoreYear {

    static final long SEED = 20_260_101L;
    static final int MEMBERS = 3_000;
    static final int STORES = 3;
    static final int GUIDES_PER_STORE = 8;
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2027, 1, 1);

    /** The tag catalogue: spend bands, recency, birthday month and region. */
    static final String TAGS = """
            {"schemaVersion": 1, "version": 1, "groups": [
              {"id": "value", "name": "消费", "tags": [
                {"id": "spend-low", "rule": {"feature": "spend", "days": 365, "op": "lt", "value": "CNY 1000"}},
                {"id": "spend-mid", "rule": {"feature": "spend", "days": 365, "op": "between",
                  "value": ["CNY 1000", "CNY 4999.99"]}},
                {"id": "spend-high", "rule": {"feature": "spend", "days": 365, "op": "gte", "value": "CNY 5000"}}]},
              {"id": "lifecycle", "name": "生命周期", "tags": [
                {"id": "lapsing", "rule": {"and": [
                  {"feature": "orders", "days": 365, "op": "gte", "value": 1},
                  {"feature": "days_since_last_purchase", "op": "gt", "value": 60}]}},
                {"id": "birthday-month", "rule": {"feature": "birthday_this_month", "op": "eq", "value": true}}]},
              {"id": "region", "name": "地域", "tags": [
                {"id": "north", "rule": {"feature": "region", "op": "in", "value": ["东北", "华北", "西北"]}},
                {"id": "south", "rule": {"feature": "region", "op": "in", "value": ["华南", "华东", "西南"]}}]}]}
            """;

    /** The campaigns: a birthday gift funded by the mall, a wake-up coupon shared with the counters. */
    static final String COUPONS = """
            {"schemaVersion": 1, "currency": "CNY", "zone": "Asia/Shanghai",
             "templates": [
              {"id": "birthday-50", "name": "生日礼满300减50",
               "benefit": {"type": "amount-off", "steps": [{"threshold": 300, "amount": 50}]},
               "validity": {"daysAfterIssue": 30},
               "stacking": {"group": "member", "priority": 10},
               "funding": {"mallPercent": 100}},
              {"id": "wake-up-60", "name": "唤醒券满500减60",
               "benefit": {"type": "amount-off", "steps": [{"threshold": 500, "amount": 60}]},
               "validity": {"daysAfterIssue": 21},
               "stacking": {"group": "campaign", "priority": 5},
               "funding": {"mallPercent": 40}}]}
            """;

    /** Guides earn 2% (cosmetics 3%); commission is frozen 7 days and settled monthly. */
    static final String COMMISSION = """
            {"schemaVersion": 1, "defaultRate": 2, "rules": [{"category": "cosmetics", "rate": 3}],
             "minimumPayout": "CNY 10.00", "returnWindowDays": 7}
            """;

    static final TagId BIRTHDAY = TagId.of("birthday-month");
    static final TagId LAPSING = TagId.of("lapsing");
    static final Channel SMS = Channel.of("sms");
    private static final int[] MEAN_GAP_DAYS = {9, 18, 35, 70, 150};

    /** One thing that happens in the year. */
    private sealed interface Happening {
        Instant at();
    }

    private record Join(MemberProfile profile, GuideId guide, StoreId store, Instant at) implements Happening {
    }

    private record Purchase(Order draft) implements Happening {
        @Override
        public Instant at() {
            return draft.placedAt();
        }
    }

    private record Return(OrderId order, Refund refund) implements Happening {
        @Override
        public Instant at() {
            return refund.at();
        }
    }

    private record Redeem(Scenario.Redemption redemption) implements Happening {
        @Override
        public Instant at() {
            return redemption.at();
        }
    }

    /** One coupon used at checkout: the basket's line nets before coupons and each line's share. */
    record CouponUse(OrderId order, CouponId coupon, Money discount, Map<Integer, Money> lineNetBefore,
            List<LineShare> shares) {
    }

    /** One month's figures, for the progress lines and the charts. */
    record Month(YearMonth month, int members, int orders, Money gmv, Money refunded, Map<TagId, Integer> tagged,
            int birthdayMatched, int birthdayIssued, int lapsingMatched, int lapsingIssued) {
    }

    private final Demo demo = Demo.fromResources();
    private final ZoneId zone = demo.zone();
    private final List<GuideId> guides = new ArrayList<>();
    private final BindingEngine bindingEngine = BindingEngine.of(BindingPolicy.ofDefaults());
    private final Map<MemberId, CustomerBinding> bindings = new LinkedHashMap<>();
    private final Map<MemberId, List<Order>> ordersByMember = new HashMap<>();
    private final Map<OrderId, Order> orders = new LinkedHashMap<>();
    private final List<Refund> refunds = new ArrayList<>();
    private final TagEngine tagEngine = TagEngine.compile(TagCatalogue.parse(TAGS, FeatureCatalogue.builtIn()));
    private final List<CouponTemplate> templates = CouponTemplates.parse(COUPONS);
    private final Checkout checkout = Checkout.of(templates, 2);
    private final CouponLedger coupons = new CouponLedger(templates, new InMemoryVersionedStore<>(),
            new InMemoryVersionedStore<>());
    private final Settlement settlement = Settlement.of(templates);
    private final List<FundingEntry> funding = new ArrayList<>();
    private final List<CouponUse> couponUses = new ArrayList<>();
    private final Map<OrderId, List<CouponEvent.CouponRedeemed>> redemptions = new HashMap<>();
    private final Map<OrderId, Map<Integer, Integer>> returnedUnits = new HashMap<>();
    private final Map<CouponTemplateId, Integer> issued = new TreeMap<>();
    private final Map<CouponTemplateId, Integer> redeemed = new TreeMap<>();
    private final CommissionPlan plan = CommissionPlan.fromJson(COMMISSION);
    private final CommissionLedger commissionLedger = CommissionLedger.of(plan);
    private final AttributionPolicy credit = AttributionPolicy.ofDefaults();
    private final Map<GuideId, GuideLedger> books = new TreeMap<>();
    private final Map<OrderId, OrderCommission> commissions = new HashMap<>();
    private final Map<GuideId, List<Statement>> statements = new TreeMap<>();
    private final Map<GuideId, Money> guideGmv = new TreeMap<>();
    private final List<Month> months = new ArrayList<>();
    private final Map<MemberId, MemberScore> scores = new LinkedHashMap<>();
    private final EnumMap<ChurnLevel, Integer> levels = new EnumMap<>(ChurnLevel.class);
    private ModifiedBetaGeo model;
    // the audiences on the last evaluation: tag -> {matched, reachable under consent}
    private final Map<TagId, int[]> audiences = new LinkedHashMap<>();
    private String tagExplanation = "";
    // the month being counted
    private int monthOrders;
    private Money monthGmv = Money.zero(Money.CNY);
    private Money monthRefunded = Money.zero(Money.CNY);

    public static void main(String[] args) {
        Path html = args.length > 0 ? Path.of(args[0])
                : Files.isDirectory(Path.of("examples")) ? Path.of("examples", "target", "siyu-demo-report.html")
                : Path.of("target", "siyu-demo-report.html");
        long began = System.nanoTime();
        run(System.out, html);
        System.err.printf(Locale.ROOT, "(ran in %.1f s)%n", (System.nanoTime() - began) / 1e9);
    }

    /** Runs the year, prints the report to {@code out} and writes the HTML report to {@code html}. */
    static StoreYear run(PrintStream out, Path html) {
        StoreYear year = new StoreYear();
        out.printf(Locale.ROOT, "Siyu demo: a year of a department store's private domain, %s to %s (%s), seed %d%n",
                START, END.minusDays(1), year.zone, SEED);
        List<Happening> happenings = year.generate(new SplittableRandom(SEED));
        out.printf(Locale.ROOT, "generated %,d members, %,d guides, %,d happenings%n", MEMBERS, year.guides.size(),
                happenings.size());
        year.replay(happenings, out);
        year.scoreChurn(out);
        year.report(out);
        try {
            Files.createDirectories(html.toAbsolutePath().getParent());
            Files.writeString(html, HtmlReport.render(year));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.printf(Locale.ROOT, "%nHTML report: %s%n", html);
        return year;
    }

    private List<Happening> generate(SplittableRandom random) {
        for (int s = 0; s < STORES; s++) {
            for (int g = 1; g <= GUIDES_PER_STORE; g++) {
                guides.add(GuideId.of(String.format(Locale.ROOT, "G-S%d-%02d", s, g)));
            }
        }
        List<Happening> out = new ArrayList<>();
        Instant end = END.atStartOfDay(zone).toInstant();
        for (int m = 0; m < MEMBERS; m++) {
            MemberId id = MemberId.of(String.format(Locale.ROOT, "M%05d", m + 1));
            MemberProfile profile = MemberGenerators.profile(random, id, END.minusDays(1), 365);
            StoreId home = profile.homeStore().orElse(StoreId.of("S" + random.nextInt(STORES)));
            GuideId guide = guides.get(Integer.parseInt(home.value().substring(1)) * GUIDES_PER_STORE
                    + random.nextInt(GUIDES_PER_STORE));
            Instant joined = profile.joinedOn().atStartOfDay(zone).toInstant().plus(Duration.ofHours(10 + random.nextInt(11)));
            out.add(new Join(profile, guide, home, joined));
            int meanGap = MEAN_GAP_DAYS[random.nextInt(MEAN_GAP_DAYS.length)];
            // a third of the members stop shopping some time after they join
            Instant stop = random.nextInt(3) == 0 ? joined.plus(Duration.ofDays(20 + random.nextInt(200))) : end;
            Instant at = joined.plus(Duration.ofMinutes(5 + random.nextInt(60 * 24 * 10)));
            int orderNo = 0;
            while (at.isBefore(stop) && at.isBefore(end)) {
                Order draft = OrderGenerators.order(random, OrderId.of(id.value() + "-O" + (++orderNo)), id, at, 3);
                if (random.nextInt(5) != 0) {
                    draft = atStore(draft, home);
                }
                out.add(new Purchase(draft));
                if (random.nextInt(10) == 0) {
                    for (Refund refund : OrderGenerators.refunds(random, draft, random.nextInt(3) == 0)) {
                        if (refund.at().isBefore(end)) {
                            out.add(new Return(draft.id(), refund));
                        }
                    }
                }
                if (random.nextInt(8) == 0) {
                    Instant redeemAt = at.plus(Duration.ofDays(10 + random.nextInt(20)));
                    if (redeemAt.isBefore(end)) {
                        out.add(new Redeem(new Scenario.Redemption(id, redeemAt,
                                random.nextBoolean() ? "coffee-voucher" : "parking-2h", 500L * (1 + random.nextInt(4)))));
                    }
                }
                at = at.plus(Duration.ofHours(12L + random.nextLong(2L * 24 * meanGap)));
            }
        }
        out.sort(Comparator.comparing(Happening::at)); // stable: ties keep the generation order
        return out;
    }

    /** The same order placed at the member's home store, at the brand's counter there. */
    private static Order atStore(Order order, StoreId store) {
        List<OrderLine> lines = new ArrayList<>();
        for (OrderLine l : order.lines()) {
            lines.add(new OrderLine(l.lineNo(), store, Optional.of(CounterId.of(store.value() + "-C"
                    + l.brand().value().substring(1))), l.brand(), l.category(), l.sku(), l.quantity(), l.unitPrice(),
                    l.lineDiscount()));
        }
        return new Order(order.id(), order.member(), order.placedAt(), store, order.channel(), lines, order.tenders());
    }

    private void replay(List<Happening> happenings, PrintStream out) {
        LocalDate nextMonth = START.plusMonths(1);
        LocalDate nextSettlement = START.plusMonths(1).withDayOfMonth(8);
        for (Happening h : happenings) {
            while (!h.at().isBefore(nextMonth.atStartOfDay(zone).toInstant())) {
                monthEnd(nextMonth, out);
                nextMonth = nextMonth.plusMonths(1);
            }
            while (!h.at().isBefore(nextSettlement.atStartOfDay(zone).toInstant())) {
                settle(nextSettlement);
                nextSettlement = nextSettlement.plusMonths(1);
            }
            if (h instanceof Join join) {
                join(join);
            } else if (h instanceof Purchase purchase) {
                purchase(purchase.draft());
            } else if (h instanceof Return ret) {
                refund(orders.get(ret.order()), ret.refund());
            } else if (h instanceof Redeem redeem) {
                demo.redeem(redeem.redemption());
            }
        }
        while (!nextMonth.isAfter(END)) {
            monthEnd(nextMonth, out);
            nextMonth = nextMonth.plusMonths(1);
        }
        // December settles on 8 January, after its return window
        while (!nextSettlement.isAfter(END.withDayOfMonth(8))) {
            settle(nextSettlement);
            nextSettlement = nextSettlement.plusMonths(1);
        }
    }

    private void join(Join join) {
        MemberId member = join.profile().id();
        demo.join(join.profile(), join.at());
        bindings.put(member, bindingEngine.touch(CustomerBinding.empty(member), new Touch(member, join.guide(),
                BindingScope.store(join.store()), TouchKind.ADD, join.at()), OperationId.of("add:" + member)).binding());
    }

    private void purchase(Order draft) {
        MemberId member = draft.member();
        Order order = draft;
        List<Coupon> wallet = coupons.wallet(member).usableAt(draft.placedAt());
        if (!wallet.isEmpty()) {
            Basket basket = new Basket(Shopper.of(member), draft.channel(), draft.lines(), draft.placedAt());
            Offer offer = checkout.best(wallet, basket);
            Map<Integer, Money> before = new TreeMap<>();
            draft.lines().forEach(l -> before.put(l.lineNo(), l.net()));
            Map<Integer, Money> byLine = new TreeMap<>();
            List<CouponResult> results = new ArrayList<>();
            for (AppliedCoupon applied : offer.applied()) {
                CouponResult result = coupons.redeem(OperationId.of(draft.id() + ":" + applied.coupon().id()), member,
                        draft.id(), applied, draft.placedAt());
                if (result.outcome().succeeded()) {
                    results.add(result);
                    couponUses.add(new CouponUse(draft.id(), applied.coupon().id(), applied.discount(), before,
                            applied.shares()));
                    redeemed.merge(applied.coupon().template(), 1, Integer::sum);
                    for (LineShare share : applied.shares()) {
                        byLine.merge(share.lineNo(), share.amount(), Money::plus);
                    }
                }
            }
            if (!byLine.isEmpty()) {
                List<OrderLine> lines = new ArrayList<>();
                for (OrderLine l : draft.lines()) {
                    lines.add(l.withDiscount(l.lineDiscount().plus(byLine.getOrDefault(l.lineNo(), Money.zero(Money.CNY)))));
                }
                Money net = lines.stream().map(OrderLine::net).reduce(Money.zero(Money.CNY), Money::plus);
                order = new Order(draft.id(), member, draft.placedAt(), draft.store(), draft.channel(), lines,
                        net.isPositive() ? List.of(Tender.of(TenderType.MOBILE, net)) : List.of());
                for (CouponResult r : results) {
                    for (CouponEvent e : r.events()) {
                        if (e instanceof CouponEvent.CouponRedeemed done) {
                            funding.addAll(settlement.funding(done, order));
                            redemptions.computeIfAbsent(order.id(), o -> new ArrayList<>()).add(done);
                        }
                    }
                }
            }
        }
        orders.put(order.id(), order);
        ordersByMember.computeIfAbsent(member, m -> new ArrayList<>()).add(order);
        monthOrders++;
        monthGmv = monthGmv.plus(order.net());
        demo.purchase(order);
        OrderCommission commission = plan.commission(order,
                credit.attribute(order, OrderTouches.none(), bindings.get(member)), DistributionNetwork.none());
        commissions.put(order.id(), commission);
        for (Accrual a : commission.accruals()) {
            books.put(a.guide(), commissionLedger.accrue(books.computeIfAbsent(a.guide(), commissionLedger::open), a,
                    OperationId.of(order.id() + ":" + a.guide())).ledger());
        }
        for (GuideId g : commission.byGuide().keySet()) {
            guideGmv.merge(g, order.net(), Money::plus);
        }
    }

    private void refund(Order order, Refund refund) {
        refunds.add(refund);
        monthRefunded = monthRefunded.plus(demo.refund(order, refund));
        // coupons on the order: the ledger applies the template's refund policy; the funding is reversed
        Map<Integer, Integer> before = returnedUnits.computeIfAbsent(order.id(), o -> new HashMap<>());
        for (CouponEvent.CouponRedeemed r : redemptions.getOrDefault(order.id(), List.of())) {
            coupons.refund(OperationId.of(refund.id() + ":" + r.coupon()), order.member(), r.coupon(), order, refund);
            funding.addAll(settlement.reversal(r, order, Map.copyOf(before), refund));
        }
        refund.lines().forEach(l -> before.merge(l.lineNo(), l.quantity(), Integer::sum));
        RefundCommission back = plan.refund(commissions.get(order.id()), order, refund);
        commissions.put(order.id(), back.after());
        for (Clawback c : back.clawbacks()) {
            books.put(c.guide(), commissionLedger.clawback(books.computeIfAbsent(c.guide(), commissionLedger::open), c,
                    OperationId.of(refund.id() + ":" + c.guide())).ledger());
        }
    }

    private void settle(LocalDate on) {
        YearMonth period = YearMonth.from(on).minusMonths(1);
        Instant at = on.atStartOfDay(zone).toInstant().plus(Duration.ofHours(2));
        for (Map.Entry<GuideId, GuideLedger> e : books.entrySet()) {
            var settled = commissionLedger.settle(e.getValue(), period, at, OperationId.of("settle:" + period + ":" + e.getKey()));
            e.setValue(settled.ledger());
            settled.statement().ifPresent(s -> statements.computeIfAbsent(e.getKey(), g -> new ArrayList<>()).add(s));
        }
    }

    private void monthEnd(LocalDate firstOfMonth, PrintStream out) {
        demo.monthEnd(firstOfMonth);
        Instant at = firstOfMonth.atStartOfDay(zone).toInstant().plus(Duration.ofHours(10));
        List<MemberProfile> members = new ArrayList<>(demo.profiles().values());
        FeatureTable table = FeatureTable.of(tagEngine.layout(), members.size());
        TagIndex.Builder index = TagIndex.builder(tagEngine, table);
        Map<TagId, Integer> tagged = new TreeMap<>();
        for (int i = 0; i < members.size(); i++) {
            MemberProfile p = members.get(i);
            MemberFacts facts = MemberFacts.of(p).withOrders(ordersByMember.getOrDefault(p.id(), List.of()))
                    .withPointsBalance(demo.ledger().account(p.id()).balance())
                    .withTier(Optional.of(demo.statuses().get(p.id()).tier()));
            tagEngine.features(facts, at, table, i);
            MemberTags tags = tagEngine.evaluate(table, i, MemberTags.empty(p.id()), at).tags();
            tags.tags().keySet().forEach(t -> tagged.merge(t, 1, Integer::sum));
            index.add(p.id(), p.consent(), tags.tags().keySet());
        }
        TagIndex built = index.build();
        ContactPolicy policy = ContactPolicy.none(zone);
        if (!firstOfMonth.isBefore(END)) {
            audiences.clear();
            for (int t = 0; t < tagEngine.tagCount(); t++) {
                TagId tag = tagEngine.tagAt(t);
                Selection reach = Selection.select(built, Audience.of(new Rule.HasTag(tag)), SMS, at, policy,
                        ContactLog.empty());
                audiences.put(tag, new int[] {reach.matched(), reach.selected().size()});
            }
            for (int i = 0; i < members.size() && tagExplanation.isEmpty(); i++) {
                MemberTags tags = tagEngine.evaluate(table, i, MemberTags.empty(members.get(i).id()), at).tags();
                if (tags.tags().containsKey(TagId.of("spend-high"))) {
                    tagExplanation = members.get(i).id() + " spend-high: "
                            + tagEngine.explain(table, i, tags, TagId.of("spend-high"), at);
                }
            }
        }
        Selection birthday = Selection.select(built, Audience.of(new Rule.HasTag(BIRTHDAY)), SMS, at, policy,
                ContactLog.empty());
        Selection lapsing = Selection.select(built, Audience.of(new Rule.HasTag(LAPSING)), SMS, at, policy,
                ContactLog.empty());
        int birthdayIssued = 0;
        int lapsingIssued = 0;
        if (firstOfMonth.isBefore(END)) {
            birthdayIssued = issue(birthday.selected(), CouponTemplateId.of("birthday-50"), firstOfMonth, at);
            lapsingIssued = issue(lapsing.selected(), CouponTemplateId.of("wake-up-60"), firstOfMonth, at);
        }
        Month month = new Month(YearMonth.from(firstOfMonth).minusMonths(1), members.size(), monthOrders, monthGmv,
                monthRefunded, tagged, birthday.matched(), birthdayIssued, lapsing.matched(), lapsingIssued);
        months.add(month);
        out.printf(Locale.ROOT, "  %s  %,6d members  %,6d orders  GMV %-18s refunds %-16s high spenders %,5d"
                        + "  lapsing %,5d (%,d reached)  birthdays %,4d (%,d reached)%n",
                month.month(), month.members(), month.orders(), month.gmv(), month.refunded(),
                tagged.getOrDefault(TagId.of("spend-high"), 0), lapsing.matched(), lapsing.selected().size(),
                birthday.matched(), birthday.selected().size());
        monthOrders = 0;
        monthGmv = Money.zero(Money.CNY);
        monthRefunded = Money.zero(Money.CNY);
    }

    private int issue(List<MemberId> members, CouponTemplateId template, LocalDate month, Instant at) {
        int n = 0;
        for (MemberId m : members) {
            String id = template.value() + ":" + month + ":" + m.value();
            CouponResult result = coupons.issue(OperationId.of("issue:" + id), m, CouponId.of(id), template, at);
            if (result.outcome().succeeded()) {
                n++;
            }
        }
        issued.merge(template, n, Integer::sum);
        return n;
    }

    private void scoreChurn(PrintStream out) {
        List<dev.siyu.core.churn.Purchase> purchases = Summaries.fromOrders(orders.values(), refunds, zone);
        List<CustomerSummary> summaries = Summaries.summarize(purchases, END.minusDays(1), PeriodUnit.WEEKS);
        SummaryTable table = SummaryTable.of(summaries, PeriodUnit.WEEKS);
        out.printf(Locale.ROOT, "fitting MBG/NBD and Gamma-Gamma on %,d buyers' purchases...%n", summaries.size());
        FitResult<ModifiedBetaGeo> fit = ChurnModels.fitModifiedBetaGeo(table, FitOptions.defaults());
        FitResult<GammaGamma> spend = ChurnModels.fitGammaGamma(table, FitOptions.defaults());
        if (!(fit instanceof FitResult.Fitted<ModifiedBetaGeo> fitted)
                || !(spend instanceof FitResult.Fitted<GammaGamma> spendFitted)) {
            throw new IllegalStateException("the churn fit must converge: " + fit + " " + spend);
        }
        model = fitted.model();
        ChurnScorer scorer = ChurnScorer.of(model, spendFitted.model(), ChurnPolicy.defaults());
        for (ChurnLevel level : ChurnLevel.values()) {
            levels.put(level, 0);
        }
        for (CustomerSummary c : summaries) {
            MemberScore s = scorer.score(c);
            scores.put(c.member(), s);
            levels.merge(s.level(), 1, Integer::sum);
        }
    }

    private void report(PrintStream out) {
        Instant asOf = END.atStartOfDay(zone).toInstant();
        out.printf(Locale.ROOT, "%nActivity%n");
        demo.counts().forEach((what, n) -> out.printf(Locale.ROOT, "  %-40s %,12d%n", what, n));
        out.printf(Locale.ROOT, "  %-40s %12s%n", "GMV (net of coupons)", gmv());
        out.printf(Locale.ROOT, "  %-40s %12s%n", "refunded", months.stream().map(Month::refunded)
                .reduce(Money.zero(Money.CNY), Money::plus));

        out.printf(Locale.ROOT, "%nTags and audiences on %s (SMS, under consent)%n", END);
        audiences.forEach((tag, n) -> out.printf(Locale.ROOT, "  %-15s %,6d members  %,6d reachable%n", tag.value(), n[0],
                n[1]));
        out.printf(Locale.ROOT, "  why: %s%n", tagExplanation);

        out.printf(Locale.ROOT, "%nTier distribution on %s%n", END);
        tierCounts().forEach((tier, n) -> out.printf(Locale.ROOT, "  %-9s %-4s %,6d  %5.1f%%%n", tier.id(), tier.name(), n,
                100.0 * n / demo.statuses().size()));

        long balance = 0;
        long expiring90 = 0;
        long expiringYear = 0;
        Map<LocalDate, Long> byDate = new TreeMap<>();
        for (MemberId m : demo.profiles().keySet()) {
            PointsAccount account = demo.ledger().account(m);
            balance += account.balance();
            expiring90 += demo.engine().expiringWithin(account, asOf, 90).stream().mapToLong(ExpiringPoints::points).sum();
            for (ExpiringPoints e : demo.engine().expiringWithin(account, asOf, 365)) {
                expiringYear += e.points();
                byDate.merge(e.expiresOn(), e.points(), Long::sum);
            }
        }
        out.printf(Locale.ROOT, "%nPoints liability (100 points = CNY 1.00)%n");
        out.printf(Locale.ROOT, "  outstanding balance        %,12d points  %s%n", balance, Money.cnyMinor(balance));
        out.printf(Locale.ROOT, "  expiring within 90 days    %,12d points  %s%n", expiring90, Money.cnyMinor(expiring90));
        out.printf(Locale.ROOT, "  expiring within 365 days   %,12d points  %s%n", expiringYear, Money.cnyMinor(expiringYear));
        byDate.forEach((date, points) -> out.printf(Locale.ROOT, "    on %s             %,12d points  %s%n", date, points,
                Money.cnyMinor(points)));

        out.printf(Locale.ROOT, "%nCoupons%n");
        for (CouponTemplate t : templates) {
            int i = issued.getOrDefault(t.id(), 0);
            int r = redeemed.getOrDefault(t.id(), 0);
            out.printf(Locale.ROOT, "  %-12s issued %,6d  redeemed %,6d  redemption rate %5.1f%%%n", t.id().value(), i, r,
                    i == 0 ? 0.0 : 100.0 * r / i);
        }
        out.printf(Locale.ROOT, "  discount given %s, reversed by returns %s%n", discountGiven(),
                discountGiven().minus(discountTotal()));
        out.printf(Locale.ROOT, "  discount cost by funder: total %s, mall %s, counters %s%n", discountTotal(), mallFunded(),
                counterFunded());
        Instant from = START.atStartOfDay(zone).toInstant();
        funding.stream().map(FundingEntry::counter).flatMap(Optional::stream).distinct()
                .map(c -> settlement.statement(c, from, asOf, funding))
                .sorted(Comparator.comparing((SettlementStatement st) -> st.counterFunded().minor()).reversed()
                        .thenComparing(st -> st.counter().value()))
                .limit(3)
                .forEach(st -> out.printf(Locale.ROOT, "    counter %-7s discount %-12s mall %-12s counter bears %s%n",
                        st.counter().value(), st.discount(), st.mallFunded(), st.counterFunded()));

        out.printf(Locale.ROOT, "%nTop guides by commission paid (%d guides, %s paid in total)%n", guides.size(), paidTotal());
        topGuides(5).forEach(g -> out.printf(Locale.ROOT, "  %s  commission %-14s GMV %s%n", g, paid(g),
                guideGmv.getOrDefault(g, Money.zero(Money.CNY))));

        int scored = scores.size();
        int sleeping = levels.get(ChurnLevel.SLEEPING) + levels.get(ChurnLevel.LOST);
        out.printf(Locale.ROOT, "%nChurn on %s (MBG/NBD r=%.4f alpha=%.4f a=%.4f b=%.4f, weeks)%n", END.minusDays(1),
                model.r(), model.alpha(), model.a(), model.b());
        out.printf(Locale.ROOT, "  %,d buyers scored, %,d members never bought%n", scored, demo.profiles().size() - scored);
        levels.forEach((level, n) -> out.printf(Locale.ROOT, "  %-9s %,6d  %5.1f%%%n", level, n, 100.0 * n / scored));
        out.printf(Locale.ROOT, "  sleeping rate (sleeping + lost) %.1f%%%n", 100.0 * sleeping / scored);
        out.printf(Locale.ROOT, "  members to wake up first (sleeping, then at risk; by CLV):%n");
        for (MemberScore s : toWake(5)) {
            out.printf(Locale.ROOT, "    %s %-8s P(alive) %.3f  CLV %s  guide %s%n", s.member(), s.level(),
                    s.probabilityAlive(), s.clvAsMoney(Money.CNY, java.math.RoundingMode.HALF_EVEN),
                    bindings.get(s.member()).guideAt(BindingScope.store(homeOf(s.member())), asOf)
                            .map(Object::toString).orElse("-"));
            out.printf(Locale.ROOT, "      why: %s%n", s.explanation());
        }
    }

    private StoreId homeOf(MemberId member) {
        return demo.profiles().get(member).homeStore().orElseGet(() -> bindings.get(member).bindings().keySet().stream()
                .findFirst().map(scope -> StoreId.of(scope.id())).orElse(StoreId.of("S0")));
    }

    // --- figures, for the report, the HTML report and the tests

    Demo demo() {
        return demo;
    }

    Map<Tier, Integer> tierCounts() {
        Map<Tier, Integer> counts = new LinkedHashMap<>();
        for (Tier tier : demo.tiers().tiers()) {
            counts.put(tier, 0);
        }
        Map<TierId, Tier> byId = new HashMap<>();
        demo.tiers().tiers().forEach(t -> byId.put(t.id(), t));
        demo.statuses().values().forEach(s -> counts.merge(byId.get(s.tier()), 1, Integer::sum));
        return counts;
    }

    Map<OrderId, Order> orders() {
        return orders;
    }

    List<Month> months() {
        return months;
    }

    Money gmv() {
        return months.stream().map(Month::gmv).reduce(Money.zero(Money.CNY), Money::plus);
    }

    List<CouponUse> couponUses() {
        return couponUses;
    }

    List<FundingEntry> funding() {
        return funding;
    }

    Money discountTotal() {
        return funding.stream().map(FundingEntry::discount).reduce(Money.zero(Money.CNY), Money::plus);
    }

    /** The discounts given at checkout, before returns reversed any. */
    Money discountGiven() {
        return funding.stream().map(FundingEntry::discount).filter(Money::isPositive).reduce(Money.zero(Money.CNY),
                Money::plus);
    }

    Money mallFunded() {
        return funding.stream().map(FundingEntry::mallFunded).reduce(Money.zero(Money.CNY), Money::plus);
    }

    Money counterFunded() {
        return funding.stream().map(FundingEntry::counterFunded).reduce(Money.zero(Money.CNY), Money::plus);
    }

    Map<CouponTemplateId, Integer> issued() {
        return issued;
    }

    Map<CouponTemplateId, Integer> redeemed() {
        return redeemed;
    }

    Map<GuideId, List<Statement>> statements() {
        return statements;
    }

    Map<OrderId, OrderCommission> commissions() {
        return commissions;
    }

    Map<GuideId, GuideLedger> books() {
        return books;
    }

    Money paid(GuideId guide) {
        return statements.getOrDefault(guide, List.of()).stream().map(Statement::payout)
                .reduce(Money.zero(Money.CNY), Money::plus);
    }

    Money paidTotal() {
        return guides.stream().map(this::paid).reduce(Money.zero(Money.CNY), Money::plus);
    }

    List<GuideId> topGuides(int n) {
        return guides.stream().sorted(Comparator.comparing((GuideId g) -> paid(g).minor()).reversed()
                .thenComparing(GuideId::value)).limit(n).toList();
    }

    Map<TagId, int[]> audiences() {
        return audiences;
    }

    Map<ChurnLevel, Integer> levels() {
        return levels;
    }

    Map<MemberId, MemberScore> scores() {
        return scores;
    }

    List<MemberScore> toWake(int n) {
        return scores.values().stream().filter(s -> s.level() == ChurnLevel.AT_RISK || s.level() == ChurnLevel.SLEEPING)
                .sorted(Comparator.comparing(MemberScore::level).reversed()
                        .thenComparing(Comparator.comparingDouble(MemberScore::clv).reversed())
                        .thenComparing(s -> s.member().value()))
                .limit(n).toList();
    }
}
