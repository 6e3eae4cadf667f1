package dev.siyu.examples.checkout;

import dev.siyu.core.id.BrandId;
import dev.siyu.core.id.CategoryId;
import dev.siyu.core.id.CounterId;
import dev.siyu.core.id.CouponTemplateId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.SkuId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.json.ConfigNode;
import dev.siyu.core.money.Money;
import dev.siyu.core.order.OrderLine;
import dev.siyu.core.order.SalesChannel;
import dev.siyu.coupons.checkout.AppliedCoupon;
import dev.siyu.coupons.checkout.Basket;
import dev.siyu.coupons.checkout.Checkout;
import dev.siyu.coupons.checkout.Offer;
import dev.siyu.coupons.checkout.Shopper;
import dev.siyu.coupons.template.CouponTemplate;
import dev.siyu.coupons.template.CouponTemplates;
import dev.siyu.coupons.wallet.Coupon;
import dev.siyu.coupons.wallet.CouponId;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code best-offer TEMPLATES.json WALLET.json BASKET.json [MAX_COUPONS]}: prints the chosen coupons,
 * the discount per line and why each other coupon was not used. All three documents are read
 * through the hardened JSON edge ({@code schemaVersion: 1}, unknown fields rejected):
 *
 * <pre>{@code
 * wallet: {"schemaVersion": 1, "member": "ann", "coupons": [{"id": "c1", "template": "cross-1000-10",
 *          "validFrom": "2026-11-20T00:00:00+08:00", "validUntil": "2026-11-23T00:00:00+08:00", "balance": 0}]}
 * basket: {"schemaVersion": 1, "member": "ann", "newMember": false, "tier": "GOLD", "tags": ["vip"],
 *          "channel": "store", "asOf": "2026-11-20T14:00:00+08:00",
 *          "lines": [{"lineNo": 1, "store": "YOUMALL", "counter": "SHOES", "brand": "ECCO",
 *                     "category": "shoes", "sku": "E-1", "quantity": 1, "unitPrice": 1299, "discount": 0}]}
 * }</pre>
 */
public final class BestOfferCli {

    private BestOfferCli() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: best-offer TEMPLATES.json WALLET.json BASKET.json [MAX_COUPONS]");
            System.exit(2);
        }
        run(read(args[0]), read(args[1]), read(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 5, System.out);
    }

    private static String read(String path) throws IOException {
        return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    }

    /** Parses the documents, finds the best offer and prints it to {@code out}. */
    public static Offer run(String templatesJson, String walletJson, String basketJson, int maxCoupons, PrintStream out) {
        List<CouponTemplate> templates = CouponTemplates.parse(templatesJson);
        Basket basket = basket(ConfigNode.parse(basketJson));
        List<Coupon> wallet = wallet(ConfigNode.parse(walletJson));
        Offer offer = Checkout.of(templates, maxCoupons).best(wallet, basket);
        out.println("total discount " + offer.total() + " on " + basket.net());
        for (AppliedCoupon a : offer.applied()) {
            out.println("use " + a.coupon().id() + " (" + a.coupon().template() + "): " + a.discount());
        }
        offer.discountByLine().forEach((line, amount) -> out.println("  line " + line + ": -" + amount));
        offer.notUsed().forEach((id, why) -> out.println("not used " + id + ": " + why));
        return offer;
    }

    static List<Coupon> wallet(ConfigNode root) {
        root.fields("schemaVersion", "member", "coupons");
        version(root);
        MemberId member = root.required("member").as(n -> MemberId.of(n.asText()));
        List<Coupon> coupons = new ArrayList<>();
        for (ConfigNode c : root.required("coupons").elements()) {
            c.fields("id", "template", "validFrom", "validUntil", "balance");
            Instant from = instant(c.required("validFrom"));
            coupons.add(c.as(n -> new Coupon(CouponId.of(n.required("id").asText()),
                    CouponTemplateId.of(n.required("template").asText()), member, from, from,
                    instant(n.required("validUntil")),
                    n.optional("balance").map(b -> b.asMoney(Money.CNY)).orElse(Money.zero(Money.CNY)))));
        }
        return coupons;
    }

    static Basket basket(ConfigNode root) {
        root.fields("schemaVersion", "member", "newMember", "tier", "tags", "channel", "asOf", "lines");
        version(root);
        MemberId member = root.required("member").as(n -> MemberId.of(n.asText()));
        Set<String> tags = new HashSet<>();
        root.optional("tags").ifPresent(t -> t.elements().forEach(e -> tags.add(e.asNonBlankText())));
        Shopper shopper = new Shopper(member, root.optional("tier").map(t -> t.as(n -> TierId.of(n.asText()))), tags,
                root.optional("newMember").map(ConfigNode::asBoolean).orElse(false));
        List<OrderLine> lines = new ArrayList<>();
        for (ConfigNode l : root.required("lines").elements()) {
            l.fields("lineNo", "store", "counter", "brand", "category", "sku", "quantity", "unitPrice", "discount");
            lines.add(l.as(n -> new OrderLine(n.required("lineNo").asInt(), StoreId.of(n.required("store").asText()),
                    n.optional("counter").map(c -> CounterId.of(c.asText())), BrandId.of(n.required("brand").asText()),
                    CategoryId.of(n.required("category").asText()), SkuId.of(n.required("sku").asText()),
                    n.required("quantity").asInt(), n.required("unitPrice").asMoney(Money.CNY),
                    n.optional("discount").map(d -> d.asMoney(Money.CNY)).orElse(Money.zero(Money.CNY)))));
        }
        return root.as(n -> new Basket(shopper, n.required("channel").asEnum(SalesChannel.class), lines,
                instant(n.required("asOf"))));
    }

    private static void version(ConfigNode root) {
        ConfigNode v = root.required("schemaVersion");
        if (v.asInt() != 1) {
            throw v.error("expected schemaVersion 1 but found " + v);
        }
    }

    private static Instant instant(ConfigNode node) {
        return node.as(n -> {
            try {
                return OffsetDateTime.parse(n.asText()).toInstant();
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("expected an instant like 2026-11-20T14:00:00+08:00 but found " + n, e);
            }
        });
    }

}
