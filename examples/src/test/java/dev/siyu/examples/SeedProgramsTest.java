package dev.siyu.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed programs of DESIGN §5 that have a runnable example, each with its own JUnit test that
 * checks its outcome. This test checks the list stays true: every example runs from {@code main},
 * prints its outcome, and has its test beside it.
 */
class SeedProgramsTest {

    /** One seed program's example. */
    record Seed(String program, String example, String test) {
        @Override
        public String toString() {
            return program + ": " + example;
        }
    }

    static List<Seed> seeds() {
        return List.of(
                new Seed("Maoye (茂业), 90-day WeCom pilot", "maoye.MaoyePilot", "maoye.MaoyePilotTest"),
                new Seed("Dashang Tiangou (大商天狗), departing guide", "dashang.DepartingGuide", "dashang.DepartingGuideTest"),
                new Seed("C.banner (千百度), regional targeting", "cbanner.SnowBootsTargeting",
                        "cbanner.SnowBootsTargetingTest"),
                new Seed("Zhongdong YouMALL (中东集团), cross-counter campaign", "youmall.YouMallCoupons",
                        "youmall.YouMallCouponsTest"),
                new Seed("Zhongdong YouMALL (中东集团), guide distribution", "youmall.DistributionMonth",
                        "youmall.DistributionMonthTest"),
                new Seed("Miniso (名创优品), community pyramid", "miniso.CommunityPyramid", "miniso.CommunityPyramidTest"),
                new Seed("Miniso (名创优品), staff incentives", "miniso.StaffIncentives", "miniso.StaffIncentivesTest"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void runs_from_main_prints_its_outcome_and_has_its_own_test(Seed seed) throws Exception {
        Class<?> example = Class.forName("dev.siyu.examples." + seed.example());
        Method main = example.getMethod("main", String[].class);
        assertThat(Modifier.isStatic(main.getModifiers())).isTrue();
        assertThat(Class.forName("dev.siyu.examples." + seed.test())).isNotNull();
        PrintStream previous = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(previous);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isNotBlank();
    }
}
