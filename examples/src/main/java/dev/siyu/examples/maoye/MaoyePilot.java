package dev.siyu.examples.maoye;

import dev.siyu.attribution.binding.BindingEngine;
import dev.siyu.attribution.binding.BindingPolicy;
import dev.siyu.attribution.binding.BindingScope;
import dev.siyu.attribution.binding.CustomerBinding;
import dev.siyu.attribution.binding.Touch;
import dev.siyu.attribution.binding.TouchKind;
import dev.siyu.attribution.credit.AttributionPolicy;
import dev.siyu.attribution.credit.Credit;
import dev.siyu.attribution.credit.LineCredit;
import dev.siyu.attribution.credit.OrderAttribution;
import dev.siyu.attribution.credit.OrderTouches;
import dev.siyu.core.churn.ChurnLevel;
import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.OrderId;
import dev.siyu.core.id.RefundId;
import dev.siyu.core.id.SkuId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.member.AcquisitionChannel;
import dev.siyu.core.member.MemberProfile;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.Refund;
import dev.siyu.core.order.RefundLine;
import dev.siyu.core.order.SalesChannel;
import dev.siyu.core.order.Tender;
import dev.siyu.core.order.TenderType;
import dev.siyu.core.tier.QualifyingActivity;
import dev.siyu.core.tier.TierBenefits;
import dev.siyu.core.tier.TierProgram;
import dev.siyu.core.tier.TierResult;
import dev.siyu.core.tier.TierStatus;
import dev.siyu.tagging.catalogue.TagId;
import dev.siyu.tagging.community.Communities;
import dev.siyu.tagging.community.CommunityGroup;
import dev.siyu.tagging.community.CommunityType;
import dev.siyu.tagging.rule.Rule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Maoye (茂业百货) Huaqiangbei pilot, Q2 2022: 90 days of a WeCom private domain built from zero,
 * simulated from a fixed seed. The case study reports 0 → 50,000 WeCom customers and more than
 * 10 million yuan of sales linked to the private domain in the quarter.
 *
 * <ul>
 *   <li><b>Acquisition</b> through the nine channels of the case (guide work card, elevator
 *       sticker, counter tag, banner, prize desk, official account, mini-program, video channel,
 *       SMS). Customers who add a counter guide (work card, counter tag) are bound to that guide;
 *       the others add one of the mall's service accounts (M弟, M妹), which are guides of the mall
 *       ({@link BindingEngine}, bindings per store).</li>
 *   <li><b>Card tiers</b>: 普卡, 银卡, 金卡, 白金卡, 钻石卡 on 12 months' spend ({@link TierProgram}).
 *       About half the customers already hold a Maoye card and enrol with last year's spend.
 *       Every tier has a birthday gift ({@link TierBenefits}: points, and a coupon from 银卡 up),
 *       issued by this example on the first day of the birthday month, or on the day the
 *       customer joins if that falls in the birthday month, at the tier then held.</li>
 *   <li><b>Communities</b>: five types — 常规粉丝群, 会员群 (银卡 and up), 国际美妆群 (beauty
 *       interest), 人气精选群 (deal interest), 奢品好物群 (金卡 and up with luxury interest) — of 500
 *       a group. Each type's admission rule ({@link CommunityType#admits}) decides, and groups
 *       fill to the type's capacity by {@link Communities#admit}'s rule (the lowest-numbered group
 *       with room, else a new one) applied in place: {@code admit} copies the group it adds to,
 *       which for ~58,000 admissions in one pass cost more than the rest of the run together. The
 *       test replays admissions through {@link Communities#admit} and gets the same groups. An
 *       asked-for group the customer is not admitted to is counted as refused.</li>
 *   <li><b>Weekly activities</b>: every Wednesday each community member takes part with
 *       probability 0.6 (the case's 60% participation); a participant wins a prize with
 *       probability 0.35 and claims it in store within three days, where 25% of claims lead to a
 *       purchase.</li>
 *   <li><b>Sales and attribution</b>: orders (and refunds of one unit, about 4%) are credited to
 *       guides by {@link AttributionPolicy#ofDefaults()} — the sharer for mini-program orders from
 *       a guide's link, otherwise the customer's service guide. Attributed sales are the credited
 *       lines' net less refunds, in exact {@link Money}.</li>
 *   <li><b>Sleeping rate at day 90</b>: a documented recency rule, not a fitted model. With
 *       customers at most 90 days old and most with zero or one purchase, an MBG/NBD fit says
 *       little, so each customer acquired at least 30 days before the end is levelled by the days
 *       since their last store contact (a purchase or a prize claimed in store, else the join):
 *       under 15 {@link ChurnLevel#ACTIVE}, 15–29 {@link ChurnLevel#AT_RISK}, 30–59
 *       {@link ChurnLevel#SLEEPING}, 60 and over {@link ChurnLevel#LOST}. The sleeping rate is
 *       the share sleeping or lost, read for community members and for the others.</li>
 * </ul>
 *
 * Deterministic: the same seed gives the same outcome. Run {@link #main} to print the headline.
 */
public final class MaoyePilot {

    static final long SEED = 20_220_401L;
    static final int CUSTOMERS = 50_000;
    static final int DAYS = 90;
    static final int COUNTER_GUIDES = 180;
    static final LocalDate START = LocalDate.of(2022, 4, 1);
    static final LocalDate END = START.plusDays(DAYS);
    static final ZoneId SHENZHEN = ZoneId.of("Asia/Shanghai");
    static final StoreId HUAQIANGBEI = StoreId.of("maoye-huaqiangbei");
    static final BindingScope STORE = BindingScope.store(HUAQIANGBEI);
    static final GuideId M_DI = GuideId.of("m-di");
    static final GuideId M_MEI = GuideId.of("m-mei");
    static final Money TARGET = Money.cny("10000000.00");

    /** The nine WeCom acquisition channels of the case, with the share of customers each brings (per mille). */
    static final Map<AcquisitionChannel, Integer> CHANNELS = channels();

    static final TierId PUKA = TierId.of("PUKA");
    static final TierId SILVER = TierId.of("SILVER");
    static final TierId GOLD = TierId.of("GOLD");
    static final TierId PLATINUM = TierId.of("PLATINUM");
    static final TierId DIAMOND = TierId.of("DIAMOND");

    static final TagId CUSTOMER = TagId.of("customer");
    static final TagId SILVER_PLUS = TagId.of("silver-plus");
    static final TagId GOLD_PLUS = TagId.of("gold-plus");
    static final TagId BEAUTY = TagId.of("beauty-interest");
    static final TagId DEALS = TagId.of("deal-interest");
    static final TagId LUXURY = TagId.of("luxury-interest");

    static final String FANS = "fans";
    static final String MEMBERS = "members";
    static final String BEAUTY_GROUP = "international-beauty";
    static final String PICKS = "popular-picks";
    static final String LUXURY_GROUP = "luxury";
    static final List<String> COMMUNITY_TYPES = List.of(FANS, MEMBERS, BEAUTY_GROUP, PICKS, LUXURY_GROUP);

    /** Merchandise: category, weight per mille, lowest and highest unit price in yuan. */
    private static final String[] CATEGORIES = {"cosmetics", "apparel", "shoes", "food", "luxury"};
    private static final int[] CATEGORY_WEIGHTS = {350, 250, 100, 295, 5};
    private static final int[][] PRICES = {{120, 800}, {200, 1_200}, {200, 900}, {20, 200}, {2_000, 12_000}};

    private MaoyePilot() {
    }

    /** The five card tiers of the case, spend over 12 rolling months, each with a birthday gift. */
    public static TierProgram tiers() {
        return TierProgram.builder()
                .spendTier(PUKA, "普卡", Money.cny("0.00"), Money.cny("0.00"),
                        TierBenefits.none().withBirthdayGift(100, Optional.empty()))
                .spendTier(SILVER, "银卡", Money.cny("2000.00"), Money.cny("2000.00"),
                        gift("1.2", 300, "BDAY-SILVER-30"))
                .spendTier(GOLD, "金卡", Money.cny("8000.00"), Money.cny("8000.00"), gift("1.5", 800, "BDAY-GOLD-80"))
                .spendTier(PLATINUM, "白金卡", Money.cny("30000.00"), Money.cny("30000.00"),
                        gift("2", 2_000, "BDAY-PLATINUM-200"))
                .spendTier(DIAMOND, "钻石卡", Money.cny("100000.00"), Money.cny("100000.00"),
                        gift("3", 5_000, "BDAY-DIAMOND-500"))
                .build();
    }

    private static TierBenefits gift(String multiplier, long points, String coupon) {
        return TierBenefits.none().withEarnMultiplier(new java.math.BigDecimal(multiplier))
                .withBirthdayGift(points, Optional.of(CouponTemplateId.of(coupon)));
    }

    /** The five community types of the case, 500 a group (WeCom's limit). */
    public static Communities communities() {
        int cap = CommunityType.WECOM_CAPACITY;
        return Communities.of(List.of(
                new CommunityType(FANS, 0, new Rule.HasTag(CUSTOMER), cap, 1_000, 0),
                new CommunityType(MEMBERS, 0, new Rule.HasTag(SILVER_PLUS), cap, 1_000, 0),
                new CommunityType(BEAUTY_GROUP, 1, new Rule.HasTag(BEAUTY), cap, 1_000, 0),
                new CommunityType(PICKS, 1, new Rule.HasTag(DEALS), cap, 1_000, 0),
                new CommunityType(LUXURY_GROUP, 2, new Rule.And(List.of(new Rule.HasTag(GOLD_PLUS),
                        new Rule.HasTag(LUXURY))), cap, 1_000, 0)));
    }

    private static Map<AcquisitionChannel, Integer> channels() {
        Map<AcquisitionChannel, Integer> c = new LinkedHashMap<>();
        c.put(AcquisitionChannel.GUIDE_CARD, 220);
        c.put(AcquisitionChannel.ELEVATOR_STICKER, 80);
        c.put(AcquisitionChannel.COUNTER_TAG, 70);
        c.put(AcquisitionChannel.BANNER, 50);
        c.put(AcquisitionChannel.PRIZE_DESK, 140);
        c.put(AcquisitionChannel.OFFICIAL_ACCOUNT, 160);
        c.put(AcquisitionChannel.MINI_PROGRAM, 140);
        c.put(AcquisitionChannel.VIDEO_CHANNEL, 60);
        c.put(AcquisitionChannel.SMS, 80);
        return Map.copyOf(c);
    }

    /** A birthday gift issued: the tier held on the day and what that tier gives. */
    public record BirthdayGift(MemberId member, LocalDate issuedOn, TierId tier, long points,
            Optional<CouponTemplateId> coupon) {
    }

    /** A member admitted to a community group, with the tags the admission read. */
    public record Admission(MemberId member, String type, Set<TagId> tags) {
    }

    /** One customer at the end of the pilot; the last store contact is the join when nothing followed. */
    public record Customer(MemberProfile profile, GuideId guide, CustomerBinding binding, TierId tier,
            LocalDate lastStoreContact, ChurnLevel level, boolean inCommunity) {
    }

    /** A credited order line: the guide and the amount credited (negative for a refund). */
    public record Credited(GuideId guide, Money amount) {
    }

    /** What the 90 days produced. */
    public record Outcome(List<Customer> customers, Map<AcquisitionChannel, Integer> byChannel,
            Map<TierId, Integer> byTier, List<BirthdayGift> gifts, Map<String, List<CommunityGroup>> groups,
            List<Admission> admissions, int refusedAdmissions, int activities, int participations,
            int prizesClaimed, List<Order> orders, List<Refund> refunds, Money sales, Money refunded,
            Money attributed, Map<GuideId, Money> byGuide, Map<ChurnLevel, Integer> levels, double sleepingRate,
            double sleepingInCommunity, double sleepingOutside) {

        /** The customers' count. */
        public int total() {
            return customers.size();
        }
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Outcome o = run();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(Locale.ROOT, "Maoye Huaqiangbei pilot %s..%s: %,d WeCom customers (goal 50,000)%n", START,
                END.minusDays(1), o.total());
        o.byChannel().entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> System.out.printf(Locale.ROOT, "  %-17s %,6d%n", e.getKey().code(), e.getValue()));
        System.out.printf(Locale.ROOT, "tiers: %s; birthday gifts issued: %,d%n", o.byTier(), o.gifts().size());
        StringBuilder groups = new StringBuilder();
        for (String type : COMMUNITY_TYPES) {
            List<CommunityGroup> g = o.groups().get(type);
            groups.append(String.format(Locale.ROOT, " %s %d groups/%,d members;", type, g.size(),
                    g.stream().mapToInt(x -> x.members().size()).sum()));
        }
        System.out.println("communities:" + groups + " refused " + o.refusedAdmissions());
        System.out.printf(Locale.ROOT, "weekly activities: %d Wednesdays, %,d participations, %,d prizes claimed in store%n",
                o.activities(), o.participations(), o.prizesClaimed());
        System.out.printf(Locale.ROOT, "orders %,d, sales %s, refunded %s, attributed to %d guides %s (goal > %s)%n",
                o.orders().size(), o.sales(), o.refunded(), o.byGuide().size(), o.attributed(), TARGET);
        System.out.printf(Locale.ROOT, "day 90 levels %s; sleeping rate %.1f%% (community %.1f%%, others %.1f%%)%n",
                o.levels(), 100 * o.sleepingRate(), 100 * o.sleepingInCommunity(), 100 * o.sleepingOutside());
        System.out.printf(Locale.ROOT, "ran in %d ms%n", ms);
    }

    /** Runs the 90 days from {@link #SEED}. */
    public static Outcome run() {
        return new Pilot(SEED).run();
    }

    /** One run; not thread-safe. */
    private static final class Pilot {
        private final SplittableRandom random;
        private final TierProgram program = tiers();
        private final Communities communities = communities();
        private final BindingEngine bindings = BindingEngine.of(BindingPolicy.ofDefaults());
        private final AttributionPolicy credit = AttributionPolicy.ofDefaults();
        private final List<GuideId> counterGuides = new ArrayList<>();

        // per customer, by index
        private final MemberProfile[] profiles = new MemberProfile[CUSTOMERS];
        private final int[] joinDay = new int[CUSTOMERS];
        private final Instant[] joinedAt = new Instant[CUSTOMERS];
        private final GuideId[] guide = new GuideId[CUSTOMERS];
        private final CustomerBinding[] binding = new CustomerBinding[CUSTOMERS];
        private final TierStatus[] status = new TierStatus[CUSTOMERS];
        private final boolean[] beauty = new boolean[CUSTOMERS];
        private final boolean[] deals = new boolean[CUSTOMERS];
        private final boolean[] luxury = new boolean[CUSTOMERS];
        private final boolean[] community = new boolean[CUSTOMERS];
        private final boolean[] cardHolder = new boolean[CUSTOMERS];
        private final int[] lastContact = new int[CUSTOMERS];
        private final Map<MemberId, Integer> index = new java.util.HashMap<>();

        private final Map<String, List<Set<MemberId>>> groups = new LinkedHashMap<>();
        private final List<Admission> admissions = new ArrayList<>();
        private int refused;
        private final List<BirthdayGift> gifts = new ArrayList<>();
        private final List<Order> orders = new ArrayList<>();
        private final Map<OrderId, Order> byId = new java.util.HashMap<>();
        private final List<Refund> refunds = new ArrayList<>();
        private final List<List<Refund>> refundsDue = new ArrayList<>();
        private final List<List<Integer>> visitsDue = new ArrayList<>();
        private final Map<GuideId, Money> byGuide = new TreeMap<>();
        private Money sales = Money.zero(Money.CNY);
        private Money refunded = Money.zero(Money.CNY);
        private Money attributed = Money.zero(Money.CNY);
        private int activities;
        private int participations;
        private int claims;

        Pilot(long seed) {
            random = new SplittableRandom(seed);
            for (int g = 1; g <= COUNTER_GUIDES; g++) {
                counterGuides.add(GuideId.of(String.format(Locale.ROOT, "g%03d", g)));
            }
            for (String type : COMMUNITY_TYPES) {
                groups.put(type, new ArrayList<>());
            }
            for (int d = 0; d < DAYS; d++) {
                refundsDue.add(new ArrayList<>());
                visitsDue.add(new ArrayList<>());
            }
        }

        Outcome run() {
            plan();
            int next = 0;
            for (int day = 0; day < DAYS; day++) {
                LocalDate date = START.plusDays(day);
                List<Order> today = new ArrayList<>();
                if (date.getDayOfMonth() == 1 && day > 0) {
                    for (int c = 0; c < next; c++) {
                        birthday(c, date);
                    }
                }
                while (next < CUSTOMERS && joinDay[next] == day) {
                    join(next, date, today);
                    next++;
                }
                if (date.getDayOfWeek() == DayOfWeek.WEDNESDAY) {
                    activity(next, day);
                }
                for (int c = 0; c < next; c++) {
                    if (joinDay[c] < day && random.nextInt(community[c] ? 120 : 240) == 0) {
                        today.add(order(c, at(date, 10, 11 * 60)));
                    }
                }
                for (int c : visitsDue.get(day)) {
                    lastContact[c] = day;
                    if (random.nextInt(100) < 25) {
                        today.add(order(c, at(date, 10, 11 * 60)));
                    }
                }
                // the day's orders and returns in time order, so each member's tier sees them as they happened
                List<Object> events = new ArrayList<>(today);
                events.addAll(refundsDue.get(day));
                events.sort(Comparator.comparing(Pilot::timeOf).thenComparing(Pilot::keyOf));
                for (Object e : events) {
                    if (e instanceof Order o) {
                        book(o);
                    } else {
                        refund((Refund) e);
                    }
                }
            }
            return outcome();
        }

        /** Who joins when, through which channel, with which birthday and interests. */
        private void plan() {
            int[] days = new int[CUSTOMERS];
            for (int c = 0; c < CUSTOMERS; c++) {
                // the pace grows as channels open and guides learn WeCom: density rises linearly
                days[c] = Math.min(DAYS - 1, (int) (DAYS * Math.sqrt(random.nextDouble())));
            }
            java.util.Arrays.sort(days);
            List<AcquisitionChannel> order = CHANNELS.keySet().stream()
                    .sorted(Comparator.comparing(AcquisitionChannel::code)).toList();
            for (int c = 0; c < CUSTOMERS; c++) {
                MemberId id = MemberId.of(String.format(Locale.ROOT, "C%05d", c + 1));
                int pick = random.nextInt(1_000);
                AcquisitionChannel channel = null;
                for (AcquisitionChannel ch : order) {
                    pick -= CHANNELS.get(ch);
                    if (pick < 0) {
                        channel = ch;
                        break;
                    }
                }
                joinDay[c] = days[c];
                LocalDate on = START.plusDays(days[c]);
                MonthDay birthday = MonthDay.from(LocalDate.ofYearDay(2022, 1 + random.nextInt(365)));
                profiles[c] = MemberProfile.of(id, on, channel).withBirthday(birthday).withHomeStore(HUAQIANGBEI);
                joinedAt[c] = at(on, 10, 11 * 60);
                beauty[c] = random.nextInt(100) < 35;
                deals[c] = random.nextInt(100) < 30;
                luxury[c] = random.nextInt(100) < 8;
                lastContact[c] = days[c];
                index.put(id, c);
            }
        }

        private void join(int c, LocalDate date, List<Order> today) {
            MemberProfile p = profiles[c];
            AcquisitionChannel ch = p.channel();
            boolean atCounter = ch.equals(AcquisitionChannel.GUIDE_CARD) || ch.equals(AcquisitionChannel.COUNTER_TAG);
            GuideId g = atCounter ? counterGuides.get(random.nextInt(COUNTER_GUIDES)) : (c % 2 == 0 ? M_DI : M_MEI);
            guide[c] = g;
            binding[c] = bindings.touch(CustomerBinding.empty(p.id()), new Touch(p.id(), g, STORE, TouchKind.ADD,
                    joinedAt[c]), OperationId.of("add:" + p.id().value())).binding();
            List<QualifyingActivity> history = new ArrayList<>();
            cardHolder[c] = random.nextInt(100) < 55;
            if (cardHolder[c]) {
                // an existing Maoye card holder: last year's spend, median about 1,800 yuan
                long yuan = Math.round(Math.exp(7.5 + 1.2 * gaussian()));
                Instant when = joinedAt[c].minus(Duration.ofDays(1 + random.nextInt(300)));
                history.add(QualifyingActivity.order(OperationId.of("history:" + p.id().value()), when,
                        Money.cnyMinor(yuan * 100), yuan));
            }
            status[c] = program.enroll(p, joinedAt[c], history).status();
            birthday(c, date);
            admit(c);
            boolean firstPurchase = atCounter || ch.equals(AcquisitionChannel.PRIZE_DESK)
                    ? random.nextInt(100) < 30 : random.nextInt(100) < 8;
            if (firstPurchase) {
                today.add(order(c, joinedAt[c].plus(Duration.ofMinutes(5 + random.nextInt(120)))));
            }
        }

        /** The birthday gift of the tier held, once in the birthday month. */
        private void birthday(int c, LocalDate date) {
            MemberProfile p = profiles[c];
            if (!p.isBirthdayMonth(date)) {
                return;
            }
            TierId tier = status[c].tier();
            TierBenefits b = program.benefits(tier);
            gifts.add(new BirthdayGift(p.id(), date, tier, b.birthdayPoints(), b.birthdayCoupon()));
        }

        private Set<TagId> tags(int c) {
            Set<TagId> t = new HashSet<>();
            t.add(CUSTOMER);
            int rank = program.tiers().indexOf(program.tier(status[c].tier()).orElseThrow());
            if (rank >= 1) {
                t.add(SILVER_PLUS);
            }
            if (rank >= 2) {
                t.add(GOLD_PLUS);
            }
            if (beauty[c]) {
                t.add(BEAUTY);
            }
            if (deals[c]) {
                t.add(DEALS);
            }
            if (luxury[c]) {
                t.add(LUXURY);
            }
            return Set.copyOf(t);
        }

        /**
         * Service staff invite the customer to the fans group (65% accept) and card holders to the
         * members group (50%); from there to the interest groups (beauty; half the deal seekers to
         * popular picks), and luxury lovers to the luxury group. The type's admission rule decides.
         */
        private void admit(int c) {
            Set<TagId> tags = tags(c);
            List<String> asked = new ArrayList<>();
            if (random.nextInt(100) < 65) {
                asked.add(FANS);
            }
            if (cardHolder[c] && random.nextInt(100) < 50) {
                asked.add(MEMBERS);
            }
            boolean base = !asked.isEmpty();
            if (base && beauty[c]) {
                asked.add(BEAUTY_GROUP);
            }
            if (base && deals[c] && random.nextBoolean()) {
                asked.add(PICKS);
            }
            if (luxury[c]) {
                asked.add(LUXURY_GROUP);
            }
            MemberId m = profiles[c].id();
            for (String type : asked) {
                CommunityType t = communities.types().get(type);
                if (!t.admits(tags)) {
                    refused++;
                    continue;
                }
                // Communities.admit's rule — the lowest-numbered group with room, else a new one —
                // applied in place: nobody leaves during the pilot, so only the last group can have room
                List<Set<MemberId>> filling = groups.get(type);
                if (filling.isEmpty() || filling.get(filling.size() - 1).size() >= t.capacity()) {
                    filling.add(new LinkedHashSet<>());
                }
                filling.get(filling.size() - 1).add(m);
                admissions.add(new Admission(m, type, tags));
                community[c] = true;
            }
        }

        /** Wednesday: group games; winners claim their prize in store within three days. */
        private void activity(int joined, int day) {
            activities++;
            for (int c = 0; c < joined; c++) {
                if (!community[c] || random.nextInt(10) >= 6) {
                    continue;
                }
                participations++;
                if (random.nextInt(100) < 35) {
                    int visit = day + 1 + random.nextInt(3);
                    if (visit < DAYS) {
                        claims++;
                        visitsDue.get(visit).add(c);
                    }
                }
            }
        }

        private Order order(int c, Instant at) {
            int lines = random.nextInt(10) < 7 ? 1 : 2;
            List<OrderLine> ol = new ArrayList<>();
            Money net = Money.zero(Money.CNY);
            for (int l = 1; l <= lines; l++) {
                int pick = random.nextInt(1_000);
                int k = 0;
                while (pick >= CATEGORY_WEIGHTS[k]) {
                    pick -= CATEGORY_WEIGHTS[k];
                    k++;
                }
                long yuan = PRICES[k][0] + random.nextInt(PRICES[k][1] - PRICES[k][0] + 1);
                Money price = Money.cnyMinor(yuan * 100 - (random.nextBoolean() ? 10 : 0));
                int qty = k == 3 ? 1 + random.nextInt(3) : 1;
                OrderLine line = OrderLine.of(l, HUAQIANGBEI, BrandId.of(CATEGORIES[k] + "-" + (1 + random.nextInt(12))),
                        CategoryId.of(CATEGORIES[k]), SkuId.of(CATEGORIES[k] + "-" + random.nextInt(500)), qty, price);
                ol.add(line);
                net = net.plus(line.net());
            }
            boolean shared = random.nextInt(100) < 20;
            OrderId id = OrderId.of(String.format(Locale.ROOT, "O%06d", orders.size() + 1));
            Order o = new Order(id, profiles[c].id(), at, HUAQIANGBEI, shared ? SalesChannel.GUIDE_SHARE : SalesChannel.STORE,
                    ol, List.of(Tender.of(TenderType.MOBILE, net)));
            orders.add(o);
            return o;
        }

        private void book(Order o) {
            int c = index.get(o.member());
            byId.put(o.id(), o);
            sales = sales.plus(o.net());
            OrderTouches touches = o.channel() == SalesChannel.GUIDE_SHARE
                    ? OrderTouches.none().withSharer(guide[c], o.placedAt().minus(Duration.ofHours(2)))
                    : OrderTouches.none();
            credit(credit.attribute(o, touches, binding[c]), o, Map.of());
            TierResult r = program.record(status[c], QualifyingActivity.of(o, o.net().minor() / 100), o.placedAt());
            status[c] = r.status();
            int day = (int) ChronoUnit.DAYS.between(START, o.placedAt().atZone(SHENZHEN).toLocalDate());
            lastContact[c] = Math.max(lastContact[c], day);
            if (random.nextInt(100) < 4) {
                int refundDay = day + 1 + random.nextInt(7);
                if (refundDay < DAYS) {
                    Refund refund = new Refund(RefundId.of("R" + o.id().value()), o.id(),
                            at(START.plusDays(refundDay), 10, 11 * 60), List.of(new RefundLine(1, 1)));
                    refundsDue.get(refundDay).add(refund);
                }
            }
        }

        /** Adds the credited lines of an order, less {@code returned} units' net per line. */
        private void credit(OrderAttribution a, Order o, Map<Integer, Integer> returned) {
            for (LineCredit lc : a.lines()) {
                OrderLine line = o.line(lc.lineNo()).orElseThrow();
                Money amount = returned.isEmpty() ? line.net()
                        : line.netForUnits(0, returned.getOrDefault(lc.lineNo(), 0)).negate();
                if (lc.credits().isEmpty() || amount.isZero()) {
                    continue;
                }
                Credit winner = lc.credits().get(0);
                byGuide.merge(winner.guide(), amount, Money::plus);
                attributed = attributed.plus(amount);
            }
        }

        private void refund(Refund r) {
            Order o = byId.get(r.order());
            r.checkAgainst(o, Map.of());
            int c = index.get(o.member());
            refunds.add(r);
            Map<Integer, Integer> units = new TreeMap<>();
            Money amount = Money.zero(Money.CNY);
            for (RefundLine rl : r.lines()) {
                units.merge(rl.lineNo(), rl.quantity(), Integer::sum);
                amount = amount.plus(o.line(rl.lineNo()).orElseThrow().netForUnits(0, rl.quantity()));
            }
            refunded = refunded.plus(amount);
            // the credit of a refunded line goes back from the guide credited with the order
            credit(credit.attribute(o, o.channel() == SalesChannel.GUIDE_SHARE
                    ? OrderTouches.none().withSharer(guide[c], o.placedAt().minus(Duration.ofHours(2)))
                    : OrderTouches.none(), binding[c]), o, units);
            boolean whole = o.lines().size() == 1 && o.lines().get(0).quantity() == 1;
            status[c] = program.record(status[c], QualifyingActivity.refund(OperationId.of(r.id().value() + ":tier"),
                    o.placedAt(), r.at(), amount, amount.minor() / 100, whole), r.at()).status();
        }

        private Outcome outcome() {
            Map<AcquisitionChannel, Integer> byChannel = new TreeMap<>(Comparator.comparing(AcquisitionChannel::code));
            Map<TierId, Integer> byTier = new LinkedHashMap<>();
            program.tiers().forEach(t -> byTier.put(t.id(), 0));
            Map<ChurnLevel, Integer> levels = new EnumMap<>(ChurnLevel.class);
            List<Customer> customers = new ArrayList<>(CUSTOMERS);
            int measured = 0;
            int sleeping = 0;
            int[] inGroups = new int[2];
            int[] sleepingIn = new int[2];
            for (int c = 0; c < CUSTOMERS; c++) {
                byChannel.merge(profiles[c].channel(), 1, Integer::sum);
                byTier.merge(status[c].tier(), 1, Integer::sum);
                int since = DAYS - lastContact[c];
                ChurnLevel level = since < 15 ? ChurnLevel.ACTIVE : since < 30 ? ChurnLevel.AT_RISK
                        : since < 60 ? ChurnLevel.SLEEPING : ChurnLevel.LOST;
                if (DAYS - joinDay[c] >= 30) {
                    measured++;
                    levels.merge(level, 1, Integer::sum);
                    boolean asleep = level.compareTo(ChurnLevel.SLEEPING) >= 0;
                    int k = community[c] ? 1 : 0;
                    inGroups[k]++;
                    if (asleep) {
                        sleeping++;
                        sleepingIn[k]++;
                    }
                }
                customers.add(new Customer(profiles[c], guide[c], binding[c], status[c].tier(),
                        START.plusDays(lastContact[c]), level, community[c]));
            }
            return new Outcome(List.copyOf(customers), Map.copyOf(byChannel), byTier, List.copyOf(gifts),
                    groups(), List.copyOf(admissions), refused, activities, participations, claims,
                    List.copyOf(orders), List.copyOf(refunds), sales, refunded, attributed, byGuide, levels,
                    (double) sleeping / measured, (double) sleepingIn[1] / inGroups[1],
                    (double) sleepingIn[0] / inGroups[0]);
        }

        private Map<String, List<CommunityGroup>> groups() {
            Map<String, List<CommunityGroup>> out = new LinkedHashMap<>();
            groups.forEach((type, filled) -> {
                List<CommunityGroup> g = new ArrayList<>();
                for (int i = 0; i < filled.size(); i++) {
                    g.add(new CommunityGroup(type, i + 1, filled.get(i)));
                }
                out.put(type, List.copyOf(g));
            });
            return out;
        }

        private static Instant timeOf(Object e) {
            return e instanceof Order o ? o.placedAt() : ((Refund) e).at();
        }

        private static String keyOf(Object e) {
            return e instanceof Order o ? o.id().value() : ((Refund) e).id().value();
        }

        private Instant at(LocalDate date, int openingHour, int minutesOpen) {
            return date.atTime(LocalTime.of(openingHour, 0)).plusMinutes(random.nextInt(minutesOpen)).atZone(SHENZHEN)
                    .toInstant();
        }

        private double gaussian() {
            // Box–Muller from the seeded generator
            double u = 1 - random.nextDouble();
            double v = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }
    }
}
