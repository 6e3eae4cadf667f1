package dev.siyu.testkit.event;

import dev.siyu.core.explain.Explanation;
import dev.siyu.core.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Random values of the kinds events hold, for JSON round-trip properties of every module's events:
 * id texts with quotes, backslashes and non-ASCII characters, instants with nanoseconds, money in
 * currencies of 0, 2 and 3 decimals, optionals, nested explanations with facts kept until read.
 * Functions of a {@link RandomGenerator}, like the other generators of the testkit.
 */
public final class EventValues {

    private static final String ID_CHARS = "abcXYZ019-_:./ 中文\"\\'{}é";
    private static final List<Currency> CURRENCIES = List.of(Currency.getInstance("CNY"),
            Currency.getInstance("USD"), Currency.getInstance("JPY"), Currency.getInstance("KWD"));
    private static final List<String> CODES = List.of("EARNED", "TIER_UPGRADED", "RATE_2", "WINDOW_ROLLING_365_DAYS");

    private EventValues() {
    }

    /** Id text: 1 to 20 characters, not blank, quotes, backslashes and non-ASCII included. */
    public static String idText(RandomGenerator r) {
        StringBuilder text = new StringBuilder("x");
        int length = r.nextInt(20);
        for (int i = 0; i < length; i++) {
            text.append(ID_CHARS.charAt(r.nextInt(ID_CHARS.length())));
        }
        return r.nextBoolean() ? text.toString() : text.reverse().toString();
    }

    /** An instant between 1906 and 2223, with nanoseconds half the time. */
    public static Instant instant(RandomGenerator r) {
        return Instant.ofEpochSecond(r.nextLong(-2_000_000_000L, 8_000_000_000L), r.nextBoolean() ? 0 : r.nextInt(1_000_000_000));
    }

    /** A date between 1915 and 2243. */
    public static LocalDate date(RandomGenerator r) {
        return LocalDate.ofEpochDay(r.nextLong(-20_000, 100_000));
    }

    /** A positive long, small half the time. */
    public static long positive(RandomGenerator r) {
        return r.nextBoolean() ? 1 + r.nextLong(1000) : 1 + r.nextLong(Long.MAX_VALUE - 1);
    }

    /** Money of a random currency (0, 2 or 3 decimals), negative amounts included. */
    public static Money money(RandomGenerator r) {
        long minor = r.nextBoolean() ? r.nextLong(-100_000, 100_000) : r.nextLong();
        return Money.ofMinor(minor, CURRENCIES.get(r.nextInt(CURRENCIES.size())));
    }

    /**
     * Money in {@code currency}: small amounts half the time, else up to {@link Long#MAX_VALUE}
     * minor units; negative half the time unless {@code nonNegative}.
     */
    public static Money money(RandomGenerator r, Currency currency, boolean nonNegative) {
        long minor = r.nextBoolean() ? r.nextLong(100_000) : r.nextLong(Long.MAX_VALUE);
        return Money.ofMinor(nonNegative || r.nextBoolean() ? minor : -minor, currency);
    }

    /** Non-negative money. */
    public static Money nonNegativeMoney(RandomGenerator r) {
        return Money.ofMinor(r.nextLong(1_000_000_000L), currency(r));
    }

    /** One of CNY, USD, JPY and KWD (2, 2, 0 and 3 decimals). */
    public static Currency currency(RandomGenerator r) {
        return CURRENCIES.get(r.nextInt(CURRENCIES.size()));
    }

    /** {@code value} drawn half the time, else empty. */
    public static <T> Optional<T> optional(RandomGenerator r, Function<RandomGenerator, T> value) {
        return r.nextBoolean() ? Optional.of(value.apply(r)) : Optional.empty();
    }

    /** An explanation with up to 4 facts and up to 2 levels of sub-explanations. */
    public static Explanation explanation(RandomGenerator r) {
        return explanation(r, 2);
    }

    private static Explanation explanation(RandomGenerator r, int depth) {
        Map<String, String> facts = new LinkedHashMap<>();
        int count = r.nextInt(5);
        for (int i = 0; i < count; i++) {
            facts.put("f" + i, idText(r));
        }
        int subs = depth == 0 ? 0 : r.nextInt(3);
        Explanation.Builder builder = Explanation.builder(CODES.get(r.nextInt(CODES.size())));
        facts.forEach(builder::fact);
        if (r.nextBoolean()) { // values the builder keeps as objects and renders when read
            builder.fact("money", money(r)).fact("at", instant(r)).fact("on", date(r))
                    .fact("rate", java.math.BigDecimal.valueOf(r.nextLong(-10_000, 10_000), r.nextInt(4)))
                    .fact("flag", r.nextBoolean()).fact("member", dev.siyu.core.id.MemberId.of(idText(r)))
                    .fact("count", r.nextLong());
        }
        for (int i = 0; i < subs; i++) {
            builder.because(explanation(r, depth - 1));
        }
        return r.nextBoolean() ? builder.build()
                : new Explanation(CODES.get(r.nextInt(CODES.size())), facts,
                        subs == 0 ? List.of() : List.of(explanation(r, depth - 1)));
    }
}
