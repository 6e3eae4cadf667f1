package dev.siyu.core.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.siyu.core.json.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelJsonTest {

    @Test
    void fitted_models_round_trip_exactly() {
        List<PurchaseModel> models = List.of(
                ChurnModels.fitBetaGeo(Cdnow.table(), FitOptions.defaults()).orElseThrow(),
                new ModifiedBetaGeo(0.525, 6.183, 0.891, 1.614, PeriodUnit.DAYS),
                new ParetoNbd(0.5532771, 10.57768, 0.60624, 11.668734, PeriodUnit.WEEKS));
        for (PurchaseModel m : models) {
            String json = ChurnModels.toJson(m);
            assertThat(ChurnModels.purchaseModelFromJson(json)).isEqualTo(m);
        }
        GammaGamma gg = new GammaGamma(6.249572, 3.744225, 15.443520);
        assertThat(ChurnModels.gammaGammaFromJson(ChurnModels.toJson(gg))).isEqualTo(gg);
    }

    @Test
    void writes_the_names_of_the_literature() {
        assertThat(ChurnModels.toJson(new BetaGeo(0.25, 4.5, 0.75, 2.5, PeriodUnit.WEEKS))).isEqualTo(
                "{\"schemaVersion\":1,\"type\":\"bg-nbd\",\"unit\":\"weeks\",\"r\":0.25,\"alpha\":4.5,\"a\":0.75,\"b\":2.5}");
    }

    @Test
    void bad_documents_name_the_pointer() {
        assertThatThrownBy(() -> ChurnModels.purchaseModelFromJson(
                "{\"schemaVersion\":1,\"type\":\"bg-nbd\",\"unit\":\"weeks\",\"r\":-1,\"alpha\":4.5,\"a\":0.75,\"b\":2.5}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/r");
        assertThatThrownBy(() -> ChurnModels.purchaseModelFromJson(
                "{\"schemaVersion\":1,\"type\":\"bg-nbd\",\"unit\":\"weeks\",\"r\":1,\"alpha\":4.5,\"a\":0.75,\"s\":2.5}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/s");
        assertThatThrownBy(() -> ChurnModels.purchaseModelFromJson("{\"schemaVersion\":2,\"type\":\"bg-nbd\"}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("schemaVersion");
        assertThatThrownBy(() -> ChurnModels.purchaseModelFromJson("{\"schemaVersion\":1,\"type\":\"weibull\"}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("/type");
    }
}
