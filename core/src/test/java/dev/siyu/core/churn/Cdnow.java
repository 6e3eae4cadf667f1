package dev.siyu.core.churn;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.money.Money;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** The CDNOW 1/10 sample from test resources (see resources/cdnow/README.md). */
final class Cdnow {

    static final Currency USD = Currency.getInstance("USD");
    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);
    static final LocalDate OBSERVATION_END = LocalDate.of(1998, 6, 30);

    private static final List<Purchase> PURCHASES = load();
    private static final List<CustomerSummary> SUMMARIES =
            Summaries.summarize(PURCHASES, CALIBRATION_END, PeriodUnit.WEEKS);
    private static final SummaryTable TABLE = SummaryTable.of(SUMMARIES, PeriodUnit.WEEKS);

    private Cdnow() {
    }

    static List<Purchase> purchases() {
        return PURCHASES;
    }

    /** The full-precision calibration summary (weeks), sorted by member id. */
    static List<CustomerSummary> summaries() {
        return SUMMARIES;
    }

    static SummaryTable table() {
        return TABLE;
    }

    private static List<Purchase> load() {
        List<Purchase> out = new ArrayList<>();
        DateTimeFormatter yyyymmdd = DateTimeFormatter.BASIC_ISO_DATE;
        for (String line : lines("/cdnow/CDNOW_sample.txt")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 5) {
                continue;
            }
            out.add(new Purchase(MemberId.of(String.format("%04d", Integer.parseInt(f[1]))),
                    LocalDate.parse(f[2], yyyymmdd), Money.of(new BigDecimal(f[4]), USD)));
        }
        return out;
    }

    /** Rows of a CSV resource without its header. */
    static List<String[]> csv(String resource) {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = lines(resource);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.trim().split(","));
            }
        }
        return rows;
    }

    static List<String> lines(String resource) {
        try (InputStream in = Cdnow.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
