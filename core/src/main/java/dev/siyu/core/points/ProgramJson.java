package dev.siyu.core.points;

import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.json.ConfigNode;
import dev.siyu.core.kernel.IdempotencyWindow;
import java.util.OptionalInt;
import java.util.Map;

/** Reads the closed, versioned JSON schema of a {@link PointsProgram} (schemaVersion 1). */
final class ProgramJson {

    private ProgramJson() {
    }

    static PointsProgram read(ConfigNode root) {
        root.fields("schemaVersion", "currency", "zone", "earn", "lots", "redemption", "negativeBalance", "idempotency");
        ConfigNode version = root.required("schemaVersion");
        if (version.asInt() != 1) {
            throw version.error("expected schemaVersion 1 but found " + version);
        }
        PointsProgram.Builder b = PointsProgram.builder();
        root.optional("currency").ifPresent(n -> b.currency(n.asCurrency()));
        root.optional("zone").ifPresent(n -> b.zone(n.asZone()));
        root.optional("earn").ifPresent(earn -> readEarn(earn, b));
        root.optional("lots").ifPresent(lots -> {
            lots.fields("pendingDays", "refundWindowDays", "expiry");
            lots.optional("pendingDays").ifPresent(n -> n.as(x -> b.pendingDays(x.asInt())));
            lots.optional("refundWindowDays").ifPresent(n -> n.as(x -> b.refundWindowDays(x.asInt())));
            lots.optional("expiry").ifPresent(n -> b.expiry(readExpiry(n)));
        });
        root.optional("redemption").ifPresent(r -> {
            r.fields("rate", "maxSharePercent", "minimumBalance", "step");
            r.optional("rate").ifPresent(n -> n.as(x -> b.redeemRate(x.asLong())));
            r.optional("maxSharePercent").ifPresent(n -> n.as(x -> b.maxSharePercent(x.asDecimal())));
            r.optional("minimumBalance").ifPresent(n -> n.as(x -> b.minimumBalance(x.asLong())));
            r.optional("step").ifPresent(n -> n.as(x -> b.redeemStep(x.asLong())));
        });
        root.optional("negativeBalance").ifPresent(n -> b.negativeBalance(n.asEnum(NegativeBalancePolicy.class)));
        root.optional("idempotency").ifPresent(n -> {
            IdempotencyWindow window = IdempotencyWindow.from(n);
            OptionalInt refunds = root.optional("lots").flatMap(l -> l.optional("refundWindowDays"))
                    .map(x -> OptionalInt.of(x.asInt())).orElse(OptionalInt.empty());
            if (PointsProgram.shorterThanRefunds(window, refunds)) {
                throw n.required("windowDays").error("expected at least /lots/refundWindowDays " + refunds.getAsInt() + " but found "
                        + window.days().getAsInt());
            }
            b.idempotencyWindow(window);
        });
        return b.build();
    }

    private static void readEarn(ConfigNode earn, PointsProgram.Builder b) {
        earn.fields("rate", "tierMultipliers", "categoryMultipliers", "brandMultipliers", "birthdayMultiplier",
                "campaigns", "maxPerOrder", "maxPerDay");
        earn.optional("rate").ifPresent(n -> n.as(x -> b.earnRate(x.asDecimal())));
        earn.optional("tierMultipliers").ifPresent(m -> readMap(m,
                (name, x) -> b.tierMultiplier(TierId.of(name), x.asDecimal())));
        earn.optional("categoryMultipliers").ifPresent(m -> readMap(m,
                (name, x) -> b.categoryMultiplier(CategoryId.of(name), x.asDecimal())));
        earn.optional("brandMultipliers").ifPresent(m -> readMap(m,
                (name, x) -> b.brandMultiplier(BrandId.of(name), x.asDecimal())));
        earn.optional("birthdayMultiplier").ifPresent(n -> n.as(x -> b.birthdayMultiplier(x.asDecimal())));
        earn.optional("campaigns").ifPresent(list -> {
            for (ConfigNode c : list.elements()) {
                c.fields("code", "from", "to", "multiplier");
                String code = c.required("code").asNonBlankText();
                PointsProgram.Campaign campaign = c.as(x -> new PointsProgram.Campaign(code,
                        x.required("from").asDate(), x.required("to").asDate(), x.required("multiplier").asDecimal()));
                c.as(x -> b.campaign(campaign));
            }
        });
        earn.optional("maxPerOrder").ifPresent(n -> n.as(x -> b.maxPerOrder(x.asLong())));
        earn.optional("maxPerDay").ifPresent(n -> n.as(x -> b.maxPerDay(x.asLong())));
    }

    private interface Entry {
        void accept(String name, ConfigNode value);
    }

    private static void readMap(ConfigNode map, Entry entry) {
        map.fields(map.fieldNames().toArray(String[]::new));
        for (String name : map.fieldNames()) {
            ConfigNode value = map.required(name);
            value.as(x -> {
                entry.accept(name, x);
                return x;
            });
        }
    }

    private static ExpiryPolicy readExpiry(ConfigNode n) {
        String policy = n.required("policy").asOneOf(Map.of("never", "never", "rolling-months", "rolling-months",
                "end-of-next-year", "end-of-next-year", "fixed-date", "fixed-date"));
        switch (policy) {
            case "rolling-months" -> {
                n.fields("policy", "months");
                return n.required("months").as(x -> ExpiryPolicy.rollingMonths(x.asInt()));
            }
            case "fixed-date" -> {
                n.fields("policy", "date");
                return ExpiryPolicy.fixedDate(n.required("date").asDate());
            }
            case "end-of-next-year" -> {
                n.fields("policy");
                return ExpiryPolicy.endOfNextYear();
            }
            default -> {
                n.fields("policy");
                return ExpiryPolicy.never();
            }
        }
    }
}
