package dev.siyu.examples.miniso;

import static org.assertj.core.api.Assertions.assertThat;

import dev.siyu.tagging.community.CommunityGroup;
import org.junit.jupiter.api.Test;

class CommunityPyramidTest {

    @Test
    void fans_fill_groups_of_500_and_active_blind_box_fans_move_up() {
        CommunityPyramid.Month month = CommunityPyramid.run();
        assertThat(month.groups()).filteredOn(g -> g.type().equals("store-fans"))
                .extracting(g -> g.members().size()).containsExactly(470, 500, 200);
        assertThat(month.groups()).filteredOn(g -> g.type().equals("blind-box")).singleElement()
                .extracting(CommunityGroup::members).satisfies(m -> assertThat(m).hasSize(30));
        assertThat(month.moves()).filteredOn(m -> m.reason().equals("PROMOTED")).hasSize(30);
        assertThat(month.prune()).extracting(p -> p.group()).containsExactly("store-fans-3", "store-fans-1");
    }
}
