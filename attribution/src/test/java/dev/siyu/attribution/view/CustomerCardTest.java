package dev.siyu.attribution.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.attribution.binding.BindingEngine;
import dev.siyu.attribution.binding.BindingPolicy;
import dev.siyu.attribution.binding.BindingScope;
import dev.siyu.attribution.binding.CustomerBinding;
import dev.siyu.attribution.binding.Touch;
import dev.siyu.attribution.binding.TouchKind;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.json.SiyuJson;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomerCardTest {

    @Test
    void a_guide_facing_card_never_shows_the_raw_phone_number_in_any_form() {
        MemberId m = MemberId.of("M1");
        BindingScope s = BindingScope.store(StoreId.of("S1"));
        Instant t = Instant.parse("2026-03-01T00:00:00Z");
        CustomerBinding b = BindingEngine.of(BindingPolicy.ofDefaults())
                .touch(CustomerBinding.empty(m), new Touch(m, GuideId.of("g"), s, TouchKind.ADD, t), OperationId.of("1"))
                .binding();
        CustomerCard card = CustomerCard.of(b, "Ms Wang", Optional.of("+86 138-1234-5678"), s, t);
        assertThat(card.phone().orElseThrow().value()).isEqualTo("138****5678");
        assertThat(card.toString()).doesNotContain("13812345678").doesNotContain("1234");
        assertThat(SiyuJson.write(card)).doesNotContain("13812345678").doesNotContain("1234");
        assertThat(card.guide()).contains(GuideId.of("g"));
    }

    @Test
    void short_numbers_keep_only_the_last_two_digits() {
        assertThat(MaskedPhone.of("0571-8888").value()).isEqualTo("******88");
    }
}
