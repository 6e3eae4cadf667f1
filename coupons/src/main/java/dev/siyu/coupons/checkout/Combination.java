package dev.siyu.coupons.checkout;

import dev.siyu.core.money.Allocation;
import dev.siyu.coupons.template.Stacking;
import java.util.List;

/**
 * Applies candidates in application order and searches the best feasible subset. Every number is
 * in minor units. Not thread-safe: one instance per {@link Checkout#best} call.
 */
final class Combination {

    private final Candidate[] candidates;
    private final long[] remaining;
    private final int maxCoupons;
    private final int[] group;
    private final boolean[] groupUsed;
    private final int[] template;
    private final int[] templateCount;
    private final long[] suffix;
    private final long[][] topK;
    private final int[][] lineCandidates;
    private final long[] eligibleSum;
    private final boolean[] free;
    private final int[][] supersetsAfter;
    private final long[][] shares;
    private final int[] chosen;
    private final boolean[] exclusive;
    private final int[] perOrder;
    private final long[][] boundsByDepth;
    private final long[] topScratch;
    private final long[] groupBestScratch;
    private final long[] keys;
    private final int[][] classCandidates;
    private final int[][] lineClass;
    private final int[][] classesOf;
    private final long[] classSum;
    private int size;
    private long total;
    private long remainingTotal;

    private int[] best = new int[0];
    private long bestTotal;

    /** @param candidates in application order */
    Combination(List<Candidate> candidates, long[] lineNets, int maxCoupons) {
        this.candidates = candidates.toArray(new Candidate[0]);
        this.remaining = lineNets.clone();
        this.maxCoupons = Math.min(maxCoupons, candidates.size());
        int n = this.candidates.length;
        group = new int[n];
        template = new int[n];
        java.util.Map<String, Integer> groups = new java.util.HashMap<>();
        java.util.Map<Object, Integer> templates = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            Stacking s = this.candidates[i].template().stacking();
            group[i] = s.group().map(g -> groups.computeIfAbsent(g, k -> groups.size())).orElse(-1);
            template[i] = templates.computeIfAbsent(this.candidates[i].template().id(), k -> templates.size());
        }
        groupUsed = new boolean[groups.size()];
        templateCount = new int[templates.size()];
        suffix = new long[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            suffix[i] = suffix[i + 1] + this.candidates[i].standalone();
        }
        topK = new long[n + 1][maxCoupons + 1];
        for (int i = 0; i < n; i++) {
            topK[i] = topK(i);
        }
        java.util.List<java.util.List<Integer>> perLine = new java.util.ArrayList<>();
        for (int l = 0; l < lineNets.length; l++) {
            perLine.add(new java.util.ArrayList<>());
        }
        eligibleSum = new long[n];
        for (int i = 0; i < n; i++) {
            for (int l : this.candidates[i].lines()) {
                perLine.get(l).add(i);
                eligibleSum[i] += lineNets[l];
            }
        }
        java.util.BitSet[] sets = new java.util.BitSet[n];
        for (int i = 0; i < n; i++) {
            sets[i] = new java.util.BitSet(lineNets.length);
            for (int l : this.candidates[i].lines()) {
                sets[i].set(l);
            }
        }
        free = new boolean[n];
        supersetsAfter = new int[n][];
        for (int i = n - 1; i >= 0; i--) {
            boolean ok = true;
            java.util.List<Integer> supersets = new java.util.ArrayList<>();
            for (int k = i + 1; k < n && ok; k++) {
                if (!sets[i].intersects(sets[k])) {
                    continue;
                }
                java.util.BitSet outside = (java.util.BitSet) sets[i].clone();
                outside.andNot(sets[k]);
                if (outside.isEmpty() && free[k]) {
                    supersets.add(k);
                } else {
                    ok = false;
                }
            }
            free[i] = ok;
            supersetsAfter[i] = supersets.stream().mapToInt(Integer::intValue).toArray();
        }
        lineCandidates = new int[lineNets.length][];
        for (int l = 0; l < lineNets.length; l++) {
            lineCandidates[l] = perLine.get(l).stream().mapToInt(Integer::intValue).toArray();
        }
        // lines with the same candidates move the same eligible sums: track shares per such class
        java.util.Map<java.util.List<Integer>, Integer> classes = new java.util.HashMap<>();
        int[] classOfLine = new int[lineNets.length];
        java.util.List<int[]> classLists = new java.util.ArrayList<>();
        for (int l = 0; l < lineNets.length; l++) {
            int l0 = l;
            classOfLine[l] = classes.computeIfAbsent(perLine.get(l), k -> {
                classLists.add(lineCandidates[l0]);
                return classLists.size() - 1;
            });
        }
        classCandidates = classLists.toArray(new int[0][]);
        classSum = new long[classCandidates.length];
        lineClass = new int[n][];
        classesOf = new int[n][];
        for (int i = 0; i < n; i++) {
            int[] lines = this.candidates[i].lines();
            lineClass[i] = new int[lines.length];
            for (int j = 0; j < lines.length; j++) {
                lineClass[i][j] = classOfLine[lines[j]];
            }
            classesOf[i] = java.util.Arrays.stream(lineClass[i]).distinct().toArray();
        }
        shares = new long[n][];
        for (int i = 0; i < n; i++) {
            shares[i] = new long[this.candidates[i].lines().length];
        }
        chosen = new int[n];
        exclusive = new boolean[n];
        perOrder = new int[n];
        int widest = 0;
        for (int i = 0; i < n; i++) {
            Stacking s = this.candidates[i].template().stacking();
            exclusive[i] = s.exclusive();
            perOrder[i] = s.perOrder();
            widest = Math.max(widest, this.candidates[i].lines().length);
        }
        boundsByDepth = new long[this.maxCoupons + 2][n + 1];
        topScratch = new long[Math.max(this.maxCoupons, 1)];
        groupBestScratch = new long[groupUsed.length];
        keys = new long[widest];
        for (long net : lineNets) {
            remainingTotal += net;
        }
    }

    /**
     * For the candidates from {@code from} on, the largest sum of {@code k} stand-alone discounts
     * taking at most one per stacking group, for each {@code k <= maxCoupons}: an upper bound of
     * what {@code k} more coupons can add.
     */
    private long[] topK(int from) {
        long[] bestOfGroup = new long[groupUsed.length];
        long[] values = new long[candidates.length + bestOfGroup.length];
        int count = 0;
        for (int i = from; i < candidates.length; i++) {
            if (group[i] >= 0) {
                bestOfGroup[group[i]] = Math.max(bestOfGroup[group[i]], candidates[i].standalone());
            } else {
                values[count++] = candidates[i].standalone();
            }
        }
        for (long v : bestOfGroup) {
            values[count++] = v;
        }
        java.util.Arrays.sort(values, 0, count);
        long[] out = new long[maxCoupons + 1];
        for (int k = 1; k <= maxCoupons; k++) {
            out[k] = out[k - 1] + (k <= count ? values[count - k] : 0);
        }
        return out;
    }

    /**
     * Applies one candidate to {@code remaining}: the discount its benefit gives on the remaining
     * net of its eligible lines (zero below its threshold), split over those lines by largest
     * remainder. Writes the shares to {@code out} and returns the discount.
     */
    static long apply(Candidate c, long[] remaining, long[] out) {
        int[] lines = c.lines();
        long eligible = 0;
        for (int i : lines) {
            eligible += remaining[i];
        }
        java.util.Arrays.fill(out, 0);
        long discount = c.discount(eligible);
        if (discount <= 0) {
            return 0;
        }
        long[] weights = new long[lines.length];
        for (int j = 0; j < lines.length; j++) {
            weights[j] = remaining[lines[j]];
        }
        long[] split = Allocation.byLargestRemainder(discount, weights);
        for (int j = 0; j < lines.length; j++) {
            remaining[lines[j]] -= split[j];
            out[j] = split[j];
        }
        return discount;
    }

    /** Whether candidate {@code i} may join the current selection. */
    private boolean feasible(int i) {
        if (size >= maxCoupons) {
            return false;
        }
        if (size > 0 && (exclusive[i] || exclusive[chosen[0]])) {
            return false;
        }
        if (group[i] >= 0 && groupUsed[group[i]]) {
            return false;
        }
        return templateCount[template[i]] < perOrder[i];
    }

    /** Runs the exact search; afterwards {@link #best()} holds the optimum. */
    Combination search() {
        dfs(0);
        return this;
    }

    private void dfs(int from) {
        long[] bounds = suffixBounds(from);
        for (int i = from; i < candidates.length; i++) {
            long bound = total + Math.min(Math.min(suffix[i], bounds[i - from]), remainingTotal);
            if (bound < bestTotal || (bound == bestTotal && size + 1 > best.length)) {
                return;
            }
            if (!feasible(i)) {
                continue;
            }
            // the remaining net of i's lines is tracked in eligibleSum[i]: the discount needs no allocation
            long d = candidates[i].discount(eligibleSum[i]);
            push(i, d);
            consider();
            if (!exclusive[i] && promising(i + 1)) {
                if (free[i]) {
                    // every later coupon touching these lines covers them all: only the total matters
                    for (int k : supersetsAfter[i]) {
                        eligibleSum[k] -= d;
                    }
                    dfs(i + 1);
                    for (int k : supersetsAfter[i]) {
                        eligibleSum[k] += d;
                    }
                } else {
                    allocate(i, d);
                    track(i, -1);
                    dfs(i + 1);
                    restore(i);
                    track(i, 1);
                }
            }
            pop(i, d);
        }
    }

    /**
     * Whether the current selection may still grow into a better one from candidate {@code from} on:
     * a free slot, a candidate left, and the stand-alone bound not below the incumbent (the same test
     * the first step of {@link #dfs} makes with a weaker bound), so leaves need no allocation.
     */
    private boolean promising(int from) {
        if (size >= maxCoupons || from >= candidates.length) {
            return false;
        }
        long bound = total + Math.min(Math.min(suffix[from], topK[from][maxCoupons - size]), remainingTotal);
        return !(bound < bestTotal || (bound == bestTotal && size + 1 > best.length));
    }

    /**
     * Splits {@code d} over candidate {@code i}'s lines by largest remainder of their remaining nets,
     * exactly as {@link Allocation#byLargestRemainder} does, into {@code shares[i]}, and takes the
     * shares off {@code remaining}. Without allocating while the amounts fit a packed sort key.
     */
    private void allocate(int i, long d) {
        int[] lines = candidates[i].lines();
        long[] out = shares[i];
        int n = lines.length;
        if (d <= 0) {
            java.util.Arrays.fill(out, 0);
            return;
        }
        long weightSum = 0;
        for (int line : lines) {
            weightSum += remaining[line];
        }
        if (n <= 64 && weightSum > 0 && weightSum < (1L << 28) && d <= weightSum) {
            // remainder < weightSum and weight <= weightSum both fit 28 bits: one long orders the
            // leftover units by remainder desc, weight desc, index asc
            long allotted = 0;
            for (int j = 0; j < n; j++) {
                long w = remaining[lines[j]];
                long product = d * w;
                long q = product / weightSum;
                out[j] = q;
                allotted += q;
                keys[j] = ((product - q * weightSum) << 34) | (w << 6) | (63 - j);
            }
            long leftover = d - allotted;
            if (leftover > 0) {
                java.util.Arrays.sort(keys, 0, n);
                for (int k = 0; k < leftover; k++) {
                    out[63 - (int) (keys[n - 1 - k] & 63)]++;
                }
            }
        } else {
            long[] weights = new long[n];
            for (int j = 0; j < n; j++) {
                weights[j] = remaining[lines[j]];
            }
            long[] split = Allocation.byLargestRemainder(d, weights);
            System.arraycopy(split, 0, out, 0, n);
        }
        for (int j = 0; j < n; j++) {
            remaining[lines[j]] -= out[j];
        }
    }

    /** Moves candidate {@code i}'s shares out of (sign -1) or back into (sign 1) the eligible sums. */
    private void track(int i, int sign) {
        int[] classOf = lineClass[i];
        long[] s = shares[i];
        for (int j = 0; j < classOf.length; j++) {
            classSum[classOf[j]] += s[j];
        }
        for (int c : classesOf[i]) {
            long v = classSum[c];
            if (v != 0) {
                classSum[c] = 0;
                long delta = sign * v;
                for (int k : classCandidates[c]) {
                    eligibleSum[k] += delta;
                }
            }
        }
    }

    /**
     * For each suffix {@code from + t} of the candidates, an upper bound of what the coupons still
     * allowed there can add: the largest {@code maxCoupons - size} of their discounts on what is
     * left of their lines now (a coupon applied later only sees less), one per free stacking group.
     */
    private long[] suffixBounds(int from) {
        int slots = maxCoupons - size;
        int n = candidates.length;
        long[] out = boundsByDepth[size];
        java.util.Arrays.fill(out, 0, n - from + 1, 0);
        if (slots <= 0) {
            return out;
        }
        long[] top = topScratch;
        java.util.Arrays.fill(top, 0);
        int topLength = slots;
        long[] groupBest = groupBestScratch;
        java.util.Arrays.fill(groupBest, 0);
        boolean anyExclusive = size > 0;
        for (int i = n - 1; i >= from; i--) {
            Candidate c = candidates[i];
            long v = (anyExclusive && exclusive[i]) || (group[i] >= 0 && groupUsed[group[i]])
                    ? 0 : c.discount(eligibleSum[i]);
            if (v > 0) {
                if (group[i] >= 0) {
                    if (v > groupBest[group[i]]) {
                        long old = groupBest[group[i]];
                        groupBest[group[i]] = v;
                        replace(top, topLength, old, v);
                    }
                } else {
                    insert(top, topLength, v);
                }
            }
            long sum = 0;
            for (int t = 0; t < topLength; t++) {
                sum += top[t];
            }
            out[i - from] = sum;
        }
        return out;
    }

    /** Inserts {@code v} into the descending top list, dropping the smallest. */
    private static void insert(long[] top, int length, long v) {
        int k = length - 1;
        if (v <= top[k]) {
            return;
        }
        while (k > 0 && top[k - 1] < v) {
            top[k] = top[k - 1];
            k--;
        }
        top[k] = v;
    }

    /** Replaces one occurrence of {@code old} (a group's previous best, possibly not in the list) by {@code v}. */
    private static void replace(long[] top, int length, long old, long v) {
        if (old > 0) {
            for (int k = 0; k < length; k++) {
                if (top[k] == old) {
                    System.arraycopy(top, k + 1, top, k, length - k - 1);
                    top[length - 1] = 0;
                    break;
                }
            }
        }
        insert(top, length, v);
    }

    private void push(int i, long d) {
        chosen[size++] = i;
        total += d;
        remainingTotal -= d;
        if (group[i] >= 0) {
            groupUsed[group[i]] = true;
        }
        templateCount[template[i]]++;
    }

    private void pop(int i, long d) {
        size--;
        total -= d;
        remainingTotal += d;
        if (group[i] >= 0) {
            groupUsed[group[i]] = false;
        }
        templateCount[template[i]]--;
    }

    private void restore(int i) {
        int[] lines = candidates[i].lines();
        for (int j = 0; j < lines.length; j++) {
            remaining[lines[j]] += shares[i][j];
        }
    }

    private void consider() {
        if (total < bestTotal) {
            return;
        }
        if (total == bestTotal) {
            if (size > best.length) {
                return;
            }
            if (size == best.length && compareIds(chosen, size, best) >= 0) {
                return;
            }
        }
        bestTotal = total;
        best = java.util.Arrays.copyOf(chosen, size);
    }

    /** Compares two selections of equal size by their sorted coupon ids. */
    private int compareIds(int[] a, int n, int[] b) {
        String[] x = new String[n];
        String[] y = new String[n];
        for (int k = 0; k < n; k++) {
            x[k] = candidates[a[k]].coupon().id().value();
            y[k] = candidates[b[k]].coupon().id().value();
        }
        java.util.Arrays.sort(x);
        java.util.Arrays.sort(y);
        return java.util.Arrays.compare(x, y);
    }

    int[] best() {
        return best.clone();
    }

    long bestTotal() {
        return bestTotal;
    }


    /** Whether the candidates at {@code indexes} (ascending) form a selection the stacking rules allow. */
    static boolean allowed(List<Candidate> selection, int maxCoupons) {
        if (selection.size() > maxCoupons) {
            return false;
        }
        java.util.Set<String> groups = new java.util.HashSet<>();
        java.util.Map<Object, Integer> perTemplate = new java.util.HashMap<>();
        for (Candidate c : selection) {
            Stacking s = c.template().stacking();
            if (s.exclusive() && selection.size() > 1) {
                return false;
            }
            if (s.group().isPresent() && !groups.add(s.group().get())) {
                return false;
            }
            if (perTemplate.merge(c.template().id(), 1, Integer::sum) > s.perOrder()) {
                return false;
            }
        }
        return true;
    }
}
