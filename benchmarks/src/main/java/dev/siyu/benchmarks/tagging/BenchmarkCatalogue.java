package dev.siyu.benchmarks.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * A generated catalogue of about 3,000 rule tags in about 150 groups of realistic shapes, written
 * once as an abstract tree and rendered four ways: Siyu catalogue JSON, AviatorScript,
 * QLExpress, and a tree of plain Java lambdas. Members are generated as a row of feature values;
 * none is ever missing, so the script engines need no null handling.
 */
final class BenchmarkCatalogue {

    static final String[] CATEGORIES = {"cosmetics", "womenswear", "menswear", "shoes", "bags", "jewellery",
        "watches", "sportswear", "kids", "home", "food", "electronics"};
    static final String[] REGIONS = {"东北", "华北", "华东", "华南", "华中", "西南", "西北", "港澳"};
    static final String[] CITIES = {"沈阳", "大连", "北京", "上海", "南京", "深圳", "广州", "成都"};
    static final String[] TIERS = {"BASIC", "SILVER", "GOLD", "PLATINUM", "DIAMOND"};
    static final String[] CHURN = {"active", "at-risk", "sleeping", "lost"};
    static final int[] WINDOWS = {30, 90, 365};

    /** A numeric feature: its Siyu reference fields, script variable name, range of generated values (exclusive). */
    record Num(String json, String var, long range, boolean money) {
    }

    /** A code feature: Siyu feature name, script variable, domain. */
    record Code(String feature, String var, String[] domain) {
    }

    final List<Num> nums = new ArrayList<>();
    final List<Code> codes = List.of(new Code("region", "region", REGIONS), new Code("city", "city", CITIES),
            new Code("tier", "tier", TIERS), new Code("churn_level", "churn", CHURN));

    sealed interface Expr permits Cmp, In, And, Or, Not {
    }

    record Cmp(int num, String op, long a, long b) implements Expr {
    }

    record In(int code, int[] values) implements Expr {
    }

    record And(List<Expr> all) implements Expr {
    }

    record Or(List<Expr> any) implements Expr {
    }

    record Not(Expr e) implements Expr {
    }

    record Tag(String id, Expr rule) {
    }

    record Group(String id, boolean exclusive, List<Tag> tags) {
    }

    final List<Group> groups = new ArrayList<>();
    final int birthdayNum;

    BenchmarkCatalogue(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int w : WINDOWS) {
            for (String c : CATEGORIES) {
                nums.add(new Num("\"feature\": \"spend\", \"days\": " + w + ", \"category\": \"" + c + "\"",
                        "spend_" + w + "_" + c, 100L * 100 * (w == 30 ? 20 : w == 90 ? 50 : 200), true));
            }
        }
        nums.add(new Num("\"feature\": \"spend\", \"days\": 365", "spend_365", 100L * 100 * 2_000, true));
        nums.add(new Num("\"feature\": \"orders\", \"days\": 365", "orders_365", 60, false));
        nums.add(new Num("\"feature\": \"points_balance\"", "points", 100_000, false));
        nums.add(new Num("\"feature\": \"days_since_last_purchase\"", "recency", 730, false));
        birthdayNum = nums.size();
        nums.add(new Num("\"feature\": \"birthday_month\"", "birthday_month", 13, false));
        int numeric = birthdayNum; // 40 numeric features get bands and ladders
        // A: 40 exclusive band groups of 20 bands
        for (int f = 0; f < numeric; f++) {
            List<Tag> tags = new ArrayList<>();
            long range = nums.get(f).range;
            for (int i = 0; i < 20; i++) {
                long lo = range * i / 20;
                long hi = range * (i + 1) / 20 - 1;
                tags.add(new Tag("band-" + f + "-" + i, new Cmp(f, "between", round(f, lo), round(f, hi + 1) - 1)));
            }
            groups.add(new Group("band-" + f, true, tags));
        }
        // B: code groups and birthday month
        for (int c = 0; c < codes.size(); c++) {
            List<Tag> tags = new ArrayList<>();
            for (int v = 0; v < codes.get(c).domain.length; v++) {
                tags.add(new Tag("code-" + c + "-" + v, new In(c, new int[] {v})));
            }
            groups.add(new Group("code-" + c, true, tags));
        }
        List<Tag> birthday = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            birthday.add(new Tag("birthday-" + m, new Cmp(birthdayNum, "eq", m, 0)));
        }
        groups.add(new Group("birthday", true, birthday));
        // C: 20 threshold ladders of 15 (upper tail)
        for (int l = 0; l < 20; l++) {
            int f = r.nextInt(numeric);
            long range = nums.get(f).range;
            List<Tag> tags = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                long t = range * (85 + i) / 100;
                tags.add(new Tag("ladder-" + l + "-" + i, new Cmp(f, "gte", round(f, t), 0)));
            }
            groups.add(new Group("ladder-" + l, false, tags));
        }
        // D: combination groups until 3,000 tags
        int count = groups.stream().mapToInt(g -> g.tags.size()).sum();
        int g = 0;
        while (count < 3_000) {
            List<Tag> tags = new ArrayList<>();
            int size = Math.min(22, 3_000 - count);
            for (int i = 0; i < size; i++) {
                tags.add(new Tag("combo-" + g + "-" + i, combo(r, numeric)));
            }
            groups.add(new Group("combo-" + g, false, tags));
            count += size;
            g++;
        }
    }

    private long round(int f, long v) {
        return nums.get(f).money ? v / 100 * 100 : v;
    }

    private Expr combo(SplittableRandom r, int numeric) {
        int f = r.nextInt(numeric);
        long range = nums.get(f).range;
        Expr spend = new Cmp(f, "gte", round(f, range * (60 + r.nextInt(38)) / 100), 0);
        int c = r.nextInt(codes.size());
        int[] set = new int[1];
        for (int i = 0; i < set.length; i++) {
            set[i] = r.nextInt(codes.get(c).domain.length);
        }
        Expr code = new In(c, set);
        int shape = r.nextInt(4);
        return switch (shape) {
            case 0 -> new And(List.of(spend, code));
            case 1 -> new And(List.of(spend, code, new Not(new In(3, new int[] {3}))));
            case 2 -> new And(List.of(new Or(List.of(spend, new Cmp(r.nextInt(numeric), "lt", round(f, range / 50), 0))),
                    code, new Cmp(birthdayNum, "between", 1 + r.nextInt(6), 7 + r.nextInt(6))));
            default -> new And(List.of(spend, new Cmp(nums.size() - 2, "lte", 30 + r.nextInt(300), 0), code));
        };
    }

    int tagCount() {
        return groups.stream().mapToInt(g -> g.tags.size()).sum();
    }

    // ------------------------------------------------------------------ members

    /** Numeric values then code indices of one member. */
    void member(SplittableRandom r, long[] nv, int[] cv) {
        for (int f = 0; f < nums.size(); f++) {
            long range = nums.get(f).range;
            // skewed: most members spend little
            double u = r.nextDouble();
            long v = f == birthdayNum ? 1 + r.nextInt(12) : (long) (range * u * u);
            nv[f] = nums.get(f).money ? v / 100 * 100 : v;
        }
        for (int c = 0; c < codes.size(); c++) {
            cv[c] = r.nextInt(codes.get(c).domain.length);
        }
    }

    // ------------------------------------------------------------------ renderings

    String json() {
        StringBuilder s = new StringBuilder("{\"schemaVersion\": 1, \"version\": 1, \"groups\": [");
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            s.append(g == 0 ? "" : ",").append("\n{\"id\": \"").append(group.id).append("\", \"exclusive\": ")
                    .append(group.exclusive).append(", \"tags\": [");
            for (int t = 0; t < group.tags.size(); t++) {
                s.append(t == 0 ? "" : ",").append("{\"id\": \"").append(group.tags.get(t).id).append("\", \"rule\": ");
                json(group.tags.get(t).rule, s);
                s.append('}');
            }
            s.append("]}");
        }
        return s.append("]}").toString();
    }

    private String value(int f, long v) {
        return nums.get(f).money ? String.format(Locale.ROOT, "\"CNY %d.%02d\"", v / 100, v % 100) : Long.toString(v);
    }

    private void json(Expr e, StringBuilder s) {
        if (e instanceof Cmp c) {
            s.append('{').append(nums.get(c.num).json).append(", \"op\": \"").append(c.op).append("\", \"value\": ");
            s.append(c.op.equals("between") ? "[" + value(c.num, c.a) + ", " + value(c.num, c.b) + "]" : value(c.num, c.a));
            s.append('}');
        } else if (e instanceof In in) {
            Code code = codes.get(in.code);
            s.append("{\"feature\": \"").append(code.feature).append("\", \"op\": \"in\", \"value\": [");
            for (int i = 0; i < in.values.length; i++) {
                s.append(i == 0 ? "" : ", ").append('"').append(code.domain[in.values[i]]).append('"');
            }
            s.append("]}");
        } else if (e instanceof And a) {
            list("and", a.all, s);
        } else if (e instanceof Or o) {
            list("or", o.any, s);
        } else if (e instanceof Not n) {
            s.append("{\"not\": ");
            json(n.e, s);
            s.append('}');
        }
    }

    private void list(String op, List<Expr> parts, StringBuilder s) {
        s.append("{\"").append(op).append("\": [");
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                s.append(", ");
            }
            json(parts.get(i), s);
        }
        s.append("]}");
    }

    /** The rule as a script expression; Aviator and QLExpress share this Java-like syntax. */
    String script(Expr e, char quote) {
        if (e instanceof Cmp c) {
            String v = nums.get(c.num).var;
            return switch (c.op) {
                case "between" -> "(" + v + " >= " + c.a + " && " + v + " <= " + c.b + ")";
                case "gte" -> v + " >= " + c.a;
                case "lte" -> v + " <= " + c.a;
                case "lt" -> v + " < " + c.a;
                default -> v + " == " + c.a;
            };
        } else if (e instanceof In in) {
            Code code = codes.get(in.code);
            List<String> parts = new ArrayList<>();
            for (int v : in.values) {
                parts.add(code.var + " == " + quote + code.domain[v] + quote);
            }
            return "(" + String.join(" || ", parts) + ")";
        } else if (e instanceof And a) {
            List<String> parts = new ArrayList<>();
            a.all.forEach(x -> parts.add(script(x, quote)));
            return "(" + String.join(" && ", parts) + ")";
        } else if (e instanceof Or o) {
            List<String> parts = new ArrayList<>();
            o.any.forEach(x -> parts.add(script(x, quote)));
            return "(" + String.join(" || ", parts) + ")";
        }
        return "!(" + script(((Not) e).e, quote) + ")";
    }

    /** The rule as plain Java lambdas over (numeric values, code indices). */
    Predicate<Object[]> lambda(Expr e) {
        if (e instanceof Cmp c) {
            int f = c.num;
            long a = c.a;
            long b = c.b;
            return switch (c.op) {
                case "between" -> m -> ((long[]) m[0])[f] >= a && ((long[]) m[0])[f] <= b;
                case "gte" -> m -> ((long[]) m[0])[f] >= a;
                case "lte" -> m -> ((long[]) m[0])[f] <= a;
                case "lt" -> m -> ((long[]) m[0])[f] < a;
                default -> m -> ((long[]) m[0])[f] == a;
            };
        } else if (e instanceof In in) {
            int code = in.code;
            int[] values = in.values.clone();
            return m -> {
                int v = ((int[]) m[1])[code];
                for (int x : values) {
                    if (x == v) {
                        return true;
                    }
                }
                return false;
            };
        } else if (e instanceof And a) {
            List<Predicate<Object[]>> parts = new ArrayList<>();
            a.all.forEach(x -> parts.add(lambda(x)));
            return m -> {
                for (Predicate<Object[]> p : parts) {
                    if (!p.test(m)) {
                        return false;
                    }
                }
                return true;
            };
        } else if (e instanceof Or o) {
            List<Predicate<Object[]>> parts = new ArrayList<>();
            o.any.forEach(x -> parts.add(lambda(x)));
            return m -> {
                for (Predicate<Object[]> p : parts) {
                    if (p.test(m)) {
                        return true;
                    }
                }
                return false;
            };
        }
        Predicate<Object[]> inner = lambda(((Not) e).e);
        return inner.negate();
    }
}
