package dev.siyu.examples.demo;

import dev.siyu.core.churn.ChurnLevel;
import dev.siyu.core.tier.Tier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The store year as one self-contained HTML page with inline SVG charts: no scripts, no styles or
 * fonts from the network. Bars for the tier distribution and the churn levels, a line for the
 * monthly GMV. Stateless.
 */
final class HtmlReport {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int MARGIN = 48;

    private HtmlReport() {
    }

    static String render(StoreYear year) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"zh\">\n<head><meta charset=\"utf-8\"><title>Siyu demo: ")
                .append(StoreYear.START.getYear()).append("</title>\n<style>body{font-family:sans-serif;margin:2em}"
                        + "svg{background:#fafafa;border:1px solid #ddd}td,th{padding:2px 10px;text-align:right}"
                        + "</style></head>\n<body>\n");
        html.append("<h1>A year of a department store's private domain (").append(StoreYear.START.getYear())
                .append(")</h1>\n<p>").append(year.demo().profiles().size()).append(" members, GMV ")
                .append(escape(year.gmv().toString())).append(", coupon discounts ")
                .append(escape(year.discountTotal().toString())).append(" (mall ")
                .append(escape(year.mallFunded().toString())).append(", counters ")
                .append(escape(year.counterFunded().toString())).append("), guide commission paid ")
                .append(escape(year.paidTotal().toString())).append(".</p>\n");

        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Map.Entry<Tier, Integer> e : year.tierCounts().entrySet()) {
            labels.add(e.getKey().name() + " " + e.getKey().id());
            values.add((double) e.getValue());
        }
        html.append("<h2>Tier distribution</h2>\n").append(bars("tiers", labels, values, "#b8860b"));

        labels.clear();
        values.clear();
        for (StoreYear.Month m : year.months()) {
            labels.add(m.month().toString().substring(5));
            values.add(m.gmv().amount().divide(BigDecimal.valueOf(10_000)).doubleValue());
        }
        html.append("<h2>Monthly GMV (10,000 yuan)</h2>\n").append(line("gmv", labels, values));

        labels.clear();
        values.clear();
        for (Map.Entry<ChurnLevel, Integer> e : year.levels().entrySet()) {
            labels.add(e.getKey().name());
            values.add((double) e.getValue());
        }
        html.append("<h2>Churn levels of buyers</h2>\n").append(bars("churn", labels, values, "#8b1a1a"));

        html.append("<h2>Months</h2>\n<table><tr><th>month</th><th>members</th><th>orders</th><th>GMV</th>"
                + "<th>refunded</th><th>birthday coupons</th><th>wake-up coupons</th></tr>\n");
        for (StoreYear.Month m : year.months()) {
            html.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%d</td><td>%s</td><td>%s</td>"
                            + "<td>%d</td><td>%d</td></tr>%n", m.month(), m.members(), m.orders(), escape(m.gmv().toString()),
                    escape(m.refunded().toString()), m.birthdayIssued(), m.lapsingIssued()));
        }
        html.append("</table>\n<h2>Top guides</h2>\n<table><tr><th>guide</th><th>commission paid</th></tr>\n");
        for (var g : year.topGuides(5)) {
            html.append("<tr><td>").append(escape(g.toString())).append("</td><td>").append(escape(year.paid(g).toString()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String bars(String id, List<String> labels, List<Double> values, String colour) {
        double max = Math.max(1, values.stream().mapToDouble(Double::doubleValue).max().orElse(1));
        double slot = (WIDTH - 2.0 * MARGIN) / labels.size();
        StringBuilder svg = open(id);
        for (int i = 0; i < labels.size(); i++) {
            double h = (HEIGHT - 2.0 * MARGIN) * values.get(i) / max;
            double x = MARGIN + i * slot + slot * 0.15;
            double y = HEIGHT - MARGIN - h;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                    + "<title>%s: %.0f</title></rect>%n", x, y, slot * 0.7, h, colour, escape(labels.get(i)), values.get(i)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\">%.0f"
                    + "</text>%n", x + slot * 0.35, y - 4, values.get(i)));
            svg.append(label(x + slot * 0.35, labels.get(i)));
        }
        return svg.append("</svg>\n").toString();
    }

    private static String line(String id, List<String> labels, List<Double> values) {
        double max = Math.max(1, values.stream().mapToDouble(Double::doubleValue).max().orElse(1));
        double step = (WIDTH - 2.0 * MARGIN) / Math.max(1, labels.size() - 1);
        StringBuilder svg = open(id);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < labels.size(); i++) {
            double x = MARGIN + i * step;
            double y = HEIGHT - MARGIN - (HEIGHT - 2.0 * MARGIN) * values.get(i) / max;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#1f4e79\"><title>%s: %.1f"
                    + "</title></circle>%n", x, y, escape(labels.get(i)), values.get(i)));
            svg.append(label(x, labels.get(i)));
        }
        svg.append("<polyline fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2\" points=\"").append(points.toString().trim())
                .append("\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-size=\"11\">%.0f</text>%n", MARGIN, max));
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(String id) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\">%n", id, WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>%n", MARGIN,
                HEIGHT - MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN));
        return svg;
    }

    private static String label(double x, String text) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>%n",
                x, HEIGHT - MARGIN + 16, escape(text));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
