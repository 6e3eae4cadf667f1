package dev.siyu.core.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.siyu.core.id.MemberId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RfmTest {

    @Test
    void scores_quintiles_with_the_most_recent_highest() {
        List<CustomerSummary> members = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            members.add(new CustomerSummary(MemberId.of("m" + i), i, i, 10, 10.0 * i));
        }
        List<RfmScore> s = Rfm.defaults().score(members);
        assertThat(s.get(0).code()).isEqualTo("111");
        assertThat(s.get(9).code()).isEqualTo("555");
        assertThat(s.get(9).segment()).isEqualTo("Premium Customer");
        assertThat(s.get(0).segment()).isEqualTo("Inactive Customer");
        assertThat(s.get(9).explanation().fact("recencyScore")).contains("5");
    }

    @Test
    void ties_share_a_score_and_segments_are_configurable() {
        List<CustomerSummary> members = List.of(
                new CustomerSummary(MemberId.of("a"), 0, 0, 10, 0),
                new CustomerSummary(MemberId.of("b"), 0, 0, 10, 0),
                new CustomerSummary(MemberId.of("c"), 3, 9, 10, 50));
        Rfm rfm = Rfm.of(3, List.of(RfmSegment.atLeast("VIP", 3, 3, 3)));
        List<RfmScore> s = rfm.score(members);
        assertThat(s.get(0).code()).isEqualTo(s.get(1).code()).isEqualTo("111");
        assertThat(s.get(2).code()).isEqualTo("333");
        assertThat(s.get(2).segment()).isEqualTo("VIP");
        assertThat(s.get(0).segment()).isEqualTo(Rfm.OTHER);
        assertThatThrownBy(() -> Rfm.of(1, List.of())).hasMessage("bins must be between 2 and 9: 1");
    }

    @Test
    void cdnow_members_all_get_scores_in_range() {
        List<RfmScore> s = Rfm.defaults().score(Cdnow.summaries());
        assertThat(s).hasSize(2357).allSatisfy(x -> {
            assertThat(x.recency()).isBetween(1, 5);
            assertThat(x.frequency()).isBetween(1, 5);
            assertThat(x.monetary()).isBetween(1, 5);
        });
    }
}
