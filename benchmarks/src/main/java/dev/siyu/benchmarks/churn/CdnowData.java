package dev.siyu.benchmarks.churn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The CDNOW summary (x, tₓ, T, mean spend) as columns, optionally tiled {@code times} times. */
final class CdnowData {

    final long[] frequency;
    final double[] recency;
    final double[] age;
    final double[] spend;

    private CdnowData(int rows) {
        frequency = new long[rows];
        recency = new double[rows];
        age = new double[rows];
        spend = new double[rows];
    }

    static CdnowData load(int times) {
        List<String> lines;
        try (InputStream in = CdnowData.class.getResourceAsStream("/churn/cdnow_customers_summary_with_transactions.csv")) {
            if (in == null) {
                throw new IllegalStateException("missing resource /churn/cdnow_customers_summary_with_transactions.csv");
            }
            lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = lines.size() - 1;
        CdnowData d = new CdnowData(n * times);
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).trim().split(",");
            for (int k = 0; k < times; k++) {
                int row = k * n + i;
                d.frequency[row] = Long.parseLong(f[1]);
                d.recency[row] = Double.parseDouble(f[2]);
                d.age[row] = Double.parseDouble(f[3]);
                d.spend[row] = Double.parseDouble(f[4]);
            }
        }
        return d;
    }

    int size() {
        return frequency.length;
    }
}
