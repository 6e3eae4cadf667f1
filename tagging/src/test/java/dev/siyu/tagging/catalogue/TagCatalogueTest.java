package dev.siyu.tagging.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.siyu.core.json.ConfigException;
import dev.siyu.tagging.feature.FeatureCatalogue;
import dev.siyu.tagging.rule.RuleLimits;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TagCatalogueTest {

    static String doc(String tags) {
        return "{\"schemaVersion\": 1, \"groups\": [{\"id\": \"g\", \"exclusive\": true, \"tags\": [" + tags + "]}]}";
    }

    static ConfigException fails(String json) {
        try {
            TagCatalogue.parse(json, FeatureCatalogue.builtIn());
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected a ConfigException for " + json);
    }

    @Nested
    class BadInput {
        @Test
        void an_unknown_feature_names_its_pointer() {
            ConfigException e = fails(doc("{\"id\": \"a\", \"rule\": {\"feature\": \"shoe_size\", \"op\": \"eq\", \"value\": 1}}"));
            assertThat(e.pointer()).isEqualTo("/groups/0/tags/0/rule/feature");
            assertThat(e.getMessage()).contains("unknown feature 'shoe_size'");
        }

        @Test
        void a_wrong_type_is_refused() {
            ConfigException e = fails(doc("{\"id\": \"a\", \"rule\": {\"feature\": \"region\", \"op\": \"gt\", \"value\": \"东北\"}}"));
            assertThat(e.pointer()).isEqualTo("/groups/0/tags/0/rule/op");
            assertThat(e.getMessage()).contains("wrong type");
            ConfigException money = fails(doc("{\"id\": \"a\", \"rule\": {\"feature\": \"spend\", \"days\": 30, \"op\": \"gt\", \"value\": true}}"));
            assertThat(money.pointer()).isEqualTo("/groups/0/tags/0/rule/value");
        }

        @Test
        void a_window_feature_needs_its_days() {
            ConfigException e = fails(doc("{\"id\": \"a\", \"rule\": {\"feature\": \"spend\", \"op\": \"gt\", \"value\": 1}}"));
            assertThat(e.pointer()).isEqualTo("/groups/0/tags/0/rule");
            assertThat(e.getMessage()).contains("days");
        }

        @Test
        void unknown_fields_and_nodes_are_refused() {
            assertThat(fails(doc("{\"id\": \"a\", \"colour\": 1, \"rule\": {\"and\": []}}")).pointer())
                    .isEqualTo("/groups/0/tags/0/colour");
            assertThat(fails(doc("{\"id\": \"a\", \"rule\": {\"script\": \"T(java.lang.Runtime)\"}}")).pointer())
                    .isEqualTo("/groups/0/tags/0/rule");
        }

        @Test
        void a_cycle_between_derived_tags_is_refused() {
            ConfigException e = fails("{\"schemaVersion\": 1, \"groups\": [{\"id\": \"g\", \"tags\": ["
                    + "{\"id\": \"a\", \"rule\": {\"tag\": \"b\"}}, {\"id\": \"b\", \"rule\": {\"not\": {\"tag\": \"a\"}}}]}]}");
            assertThat(e.getMessage()).contains("cycle between derived tags");
            assertThat(e.pointer()).startsWith("/groups/0/tags/");
        }

        @Test
        void an_unknown_tag_reference_is_refused() {
            assertThat(fails(doc("{\"id\": \"a\", \"rule\": {\"tag\": \"nope\"}}")).getMessage()).contains("unknown tag 'nope'");
        }

        @Test
        void a_catalogue_over_its_limit_is_refused() {
            StringBuilder tags = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                tags.append(i == 0 ? "" : ",").append("{\"id\": \"t").append(i).append("\", \"kind\": \"manual\"}");
            }
            String json = "{\"schemaVersion\": 1, \"maxTags\": 3, \"groups\": [{\"id\": \"g\", \"tags\": [" + tags + "]}]}";
            ConfigException e = fails(json);
            assertThat(e.pointer()).isEqualTo("/groups/0/tags/3");
            assertThat(e.getMessage()).contains("over its limit");
        }

        @Test
        void an_expression_too_deep_or_too_large_is_refused() {
            String leaf = "{\"feature\": \"orders\", \"days\": 30, \"op\": \"gt\", \"value\": 0}";
            String deep = leaf;
            for (int i = 0; i < 20; i++) {
                deep = "{\"not\": " + deep + "}";
            }
            ConfigException e = fails(doc("{\"id\": \"a\", \"rule\": " + deep + "}"));
            assertThat(e.getMessage()).contains("too deep");
            assertThat(e.pointer()).startsWith("/groups/0/tags/0/rule/not/not");
            StringBuilder wide = new StringBuilder("{\"or\": [");
            for (int i = 0; i < 300; i++) {
                wide.append(i == 0 ? "" : ",").append(leaf);
            }
            wide.append("]}");
            ConfigException large = fails(doc("{\"id\": \"a\", \"rule\": " + wide + "}"));
            assertThat(large.getMessage()).contains("too large");
            assertThat(large.pointer()).isEqualTo("/groups/0/tags/0/rule");
        }

        @Test
        void the_schema_version_must_be_one() {
            assertThat(fails("{\"schemaVersion\": 2, \"groups\": []}").pointer()).isEqualTo("/schemaVersion");
        }

        @Test
        void reading_an_exclusive_group_whose_tags_read_tags_is_refused() {
            String json = "{\"schemaVersion\": 1, \"groups\": ["
                    + "{\"id\": \"x\", \"exclusive\": true, \"tags\": [{\"id\": \"a\", \"kind\": \"manual\"},"
                    + " {\"id\": \"b\", \"rule\": {\"tag\": \"a\"}}]},"
                    + "{\"id\": \"y\", \"tags\": [{\"id\": \"c\", \"rule\": {\"tag\": \"b\"}}]}]}";
            assertThat(fails(json).getMessage()).contains("exclusive group 'x'");
        }
    }

    @Test
    void a_good_document_is_read_completely() {
        TagCatalogue c = TagCatalogue.parse(doc("{\"id\": \"a\", \"priority\": 3, \"validFrom\": \"2026-01-01\","
                + " \"rule\": {\"feature\": \"birthday_month\", \"op\": \"between\", \"value\": [10, 12]}}"),
                FeatureCatalogue.builtIn(), RuleLimits.defaults());
        assertThat(c.tags()).hasSize(1);
        assertThat(c.tag(TagId.of("a")).priority()).isEqualTo(3);
        assertThat(c.groups().get("g").exclusive()).isTrue();
    }
}
