package dev.siyu.tagging.engine;

import dev.siyu.core.order.Order;
import dev.siyu.core.order.OrderLine;
import dev.siyu.tagging.feature.FeatureDefinition;
import dev.siyu.tagging.feature.FeatureRef;
import dev.siyu.tagging.feature.FeatureType;
import dev.siyu.tagging.feature.MemberFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Computes feature rows from member facts. Immutable and thread-safe. */
final class Extractor {

    private final FeatureLayout layout;
    private final ZoneId zone;

    Extractor(FeatureLayout layout, ZoneId zone) {
        this.layout = layout;
        this.zone = zone;
    }

    void extract(MemberFacts facts, Instant asOf, FeatureTable table, int row) {
        LocalDate today = LocalDate.ofInstant(asOf, zone);
        long todayDay = today.toEpochDay();
        int off = table.offset(row);
        for (int s = 0; s < layout.width(); s++) {
            long v = value(facts, asOf, today, layout.ref(s), layout.definition(s), s);
            if (layout.isAge(s) && v != FeatureType.MISSING) {
                v = todayDay - v;
            }
            table.values[off + s] = v;
        }
    }

    private long code(int slot, java.util.Optional<String> text) {
        return text.map(t -> layout.encode(slot, t)).orElse(FeatureType.MISSING);
    }

    private long value(MemberFacts f, Instant asOf, LocalDate today, FeatureRef ref, FeatureDefinition def, int slot) {
        if (def.host()) {
            if (def.type() == FeatureType.CODE) {
                return code(slot, java.util.Optional.ofNullable(f.hostCodes().get(def.name())));
            }
            Long v = f.hostNumbers().get(def.name());
            return v == null ? FeatureType.MISSING : v;
        }
        switch (ref.feature()) {
            case "spend":
            case "orders": {
                long sum = 0;
                long count = 0;
                LocalDate first = today.minusDays(ref.days() - 1L);
                for (Order o : f.orders()) {
                    if (o.placedAt().isAfter(asOf)) {
                        continue;
                    }
                    LocalDate d = LocalDate.ofInstant(o.placedAt(), zone);
                    if (d.isBefore(first)) {
                        continue;
                    }
                    boolean any = false;
                    for (OrderLine line : o.lines()) {
                        if (matches(line, ref)) {
                            sum += line.net().minor();
                            any = true;
                        }
                    }
                    if (any) {
                        count++;
                    }
                }
                return ref.feature().equals("spend") ? sum : count;
            }
            case "days_since_last_purchase": {
                long last = lastPurchase(f.orders(), asOf, false);
                return last == FeatureType.MISSING ? last : today.toEpochDay() - last;
            }
            case "first_purchase_date":
                return lastPurchase(f.orders(), asOf, true);
            case "last_purchase_date":
                return lastPurchase(f.orders(), asOf, false);
            case "join_date":
                return f.profile().joinedOn().toEpochDay();
            case "birthday_month":
                return f.profile().birthday().map(b -> (long) b.getMonthValue()).orElse(FeatureType.MISSING);
            case "birthday_this_month":
                return f.profile().isBirthdayMonth(today) ? 1 : 0;
            case "as_of_month":
                return today.getMonthValue();
            case "city":
                return code(slot, f.profile().location().map(l -> l.city()));
            case "region":
                return code(slot, f.profile().location().map(l -> l.region()));
            case "channel":
                return code(slot, java.util.Optional.of(f.profile().channel().code()));
            case "home_store":
                return code(slot, f.profile().homeStore().map(s -> s.value()));
            case "tier":
                return code(slot, f.tier().map(t -> t.value()));
            case "churn_level":
                return code(slot, f.churnLevel().map(Enum::name));
            case "points_balance":
                return f.pointsBalance();
            case "coupons_issued":
                return inWindow(f.couponsIssued(), asOf, today, ref.days());
            case "coupons_redeemed":
                return inWindow(f.couponsRedeemed(), asOf, today, ref.days());
            case "in_community":
                return f.communities().contains(ref.scopeValue().orElseThrow()) ? 1 : 0;
            case "communities":
                return f.communities().size();
            default:
                throw new IllegalStateException("no extractor for feature " + ref.feature());
        }
    }

    private static boolean matches(OrderLine line, FeatureRef ref) {
        if (ref.scope().isEmpty()) {
            return true;
        }
        String v = ref.scopeValue().orElseThrow();
        return switch (ref.scope().get()) {
            case "category" -> line.category().value().equals(v);
            case "brand" -> line.brand().value().equals(v);
            case "store" -> line.store().value().equals(v);
            case "counter" -> line.counter().map(c -> c.value().equals(v)).orElse(false);
            default -> false;
        };
    }

    private long lastPurchase(List<Order> orders, Instant asOf, boolean first) {
        long best = FeatureType.MISSING;
        for (Order o : orders) {
            if (o.placedAt().isAfter(asOf)) {
                continue;
            }
            long d = LocalDate.ofInstant(o.placedAt(), zone).toEpochDay();
            if (best == FeatureType.MISSING || (first ? d < best : d > best)) {
                best = d;
            }
        }
        return best;
    }

    private long inWindow(List<Instant> times, Instant asOf, LocalDate today, int days) {
        LocalDate first = today.minusDays(days - 1L);
        long n = 0;
        for (Instant t : times) {
            if (!t.isAfter(asOf) && !LocalDate.ofInstant(t, zone).isBefore(first)) {
                n++;
            }
        }
        return n;
    }
}
