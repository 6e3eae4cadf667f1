package dev.siyu.examples.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.siyu.core.json.ConfigException;
import dev.siyu.core.money.Money;
import dev.siyu.coupons.checkout.Offer;
import dev.siyu.examples.youmall.YouMallCoupons;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BestOfferCliTest {

    static final String WALLET = """
            {"schemaVersion": 1, "member": "ann", "coupons": [
              {"id": "c1", "template": "cross-1000-10", "validFrom": "2026-11-20T00:00:00+08:00",
               "validUntil": "2026-11-23T00:00:00+08:00"},
              {"id": "c2", "template": "cross-1000-10", "validFrom": "2026-11-20T00:00:00+08:00",
               "validUntil": "2026-11-23T00:00:00+08:00"}]}
            """;
    static final String BASKET = """
            {"schemaVersion": 1, "member": "ann", "channel": "store", "asOf": "2026-11-20T14:00:00+08:00",
             "lines": [
              {"lineNo": 1, "store": "YOUMALL", "counter": "SHOES", "brand": "ECCO", "category": "shoes",
               "sku": "E-1", "quantity": 1, "unitPrice": 1299},
              {"lineNo": 2, "store": "YOUMALL", "counter": "FOOD", "brand": "MANNER", "category": "food",
               "sku": "M-1", "quantity": 2, "unitPrice": 18}]}
            """;

    @Test
    void prints_the_chosen_coupons_the_discount_per_line_and_why_the_others_were_not_used() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Offer offer = BestOfferCli.run(YouMallCoupons.TEMPLATES, WALLET, BASKET, 5,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(offer.total()).isEqualTo(Money.cny("129.90"));
        assertThat(text).contains("use c1 (cross-1000-10): CNY 129.90", "line 1: -CNY 129.90",
                "not used c2: GROUP_TAKEN(group=mall, by=c1");
    }

    @Test
    void a_bad_basket_names_the_pointer() {
        assertThatThrownBy(() -> BestOfferCli.run(YouMallCoupons.TEMPLATES, WALLET,
                BASKET.replace("\"quantity\": 2", "\"quantity\": 0"), 5, System.out))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/lines/1")
                .hasMessageContaining("quantity must be >= 1: 0");
    }
}
