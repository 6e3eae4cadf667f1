package dev.siyu.coupons.checkout;

import dev.siyu.core.money.Allocation;
import dev.siyu.coupons.template.Stacking;
import java.util.List;

/**
 * Applies candidates in application order and searches the best feasible subset. Every number is
 * in minor units. Not thread-safe: one instance per {@link Checkout#best} call.
 *
 * <p>The search offers each exclusive coupon alone (it never stacks, so it is kept out of every
 * bound below), then a greedy selection of the stackable coupons by descending stand-alone discount
 * valued exactly, then runs a depth-first branch-and-bound over the stackable coupons in application
 * order, pruned by the best stand-alone discounts (one per stacking group), the discounts on what is
 * left of each coupon's lines, and the basket's remaining net. Every selection is valued exactly and
 * compared by total, then size, then sorted coupon ids; the first incumbents only let pruning start
 * tight, so the optimum and its tie-break do not depend on them.
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
    private final long[] eligibleSum;
    private final boolean[] free;
    private final int[][] supersetsAfter;
    /** The shares of the candidate chosen at each depth (only where the search recurses). */
    private final long[][] sharesByDepth;
    private final int[] chosen;
    private final boolean[] exclusive;
    private final int[] perOrder;
    private final long[][] boundsByDepth;
    private final long[] topScratch;
    private final long[] groupBestScratch;
    private final long[] keys;
    private final int[][] classCandidates;
    private final int[] classOfLine;
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
        exclusive = new boolean[n];
        perOrder = new int[n];
        int groups = 0;
        int templates = 0;
        int widest = 0;
        for (int i = 0; i < n; i++) {
            Candidate c = this.candidates[i];
            Stacking s = c.template().stacking();
            exclusive[i] = s.exclusive();
            perOrder[i] = s.perOrder();
            widest = Math.max(widest, c.lines().length);
            // a few dozen candidates: linear scans number groups and templates without hashing
            group[i] = -1;
            if (s.group().isPresent()) {
                String g = s.group().get();
                for (int j = 0; j < i && group[i] < 0; j++) {
                    if (g.equals(this.candidates[j].template().stacking().group().orElse(null))) {
                        group[i] = group[j];
                    }
                }
                if (group[i] < 0) {
                    group[i] = groups++;
                }
            }
            template[i] = -1;
            String id = c.template().id().value();
            for (int j = 0; j < i && template[i] < 0; j++) {
                if (this.candidates[j].template().id().value().equals(id)) {
                    template[i] = template[j];
                }
            }
            if (template[i] < 0) {
                template[i] = templates++;
            }
        }
        groupUsed = new boolean[groups];
        templateCount = new int[templates];
        suffix = new long[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            // exclusive coupons are tried alone before the search, never inside it
            suffix[i] = suffix[i + 1] + (exclusive[i] ? 0 : this.candidates[i].standalone());
        }
        topK = standaloneTopK(this.candidates, exclusive, group, groups, this.maxCoupons);
        eligibleSum = new long[n];
        int words = (lineNets.length + 63) >>> 6;
        long[] sets = new long[n * words];
        int candidateWords = (n + 63) >>> 6;
        long[] lineMembers = new long[lineNets.length * candidateWords];
        for (int i = 0; i < n; i++) {
            if (exclusive[i]) {
                // never stacked: neither its lines nor its eligible sum matter to the search
                continue;
            }
            for (int l : this.candidates[i].lines()) {
                sets[i * words + (l >>> 6)] |= 1L << l;
                lineMembers[l * candidateWords + (i >>> 6)] |= 1L << i;
                eligibleSum[i] += lineNets[l];
            }
        }
        free = new boolean[n];
        supersetsAfter = new int[n][];
        int[] scratch = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            boolean ok = true;
            int count = 0;
            for (int k = i + 1; k < n && ok; k++) {
                boolean intersects = false;
                boolean inside = true;
                for (int w = 0; w < words; w++) {
                    long a = sets[i * words + w];
                    long b = sets[k * words + w];
                    intersects |= (a & b) != 0;
                    inside &= (a & ~b) == 0;
                }
                if (!intersects) {
                    continue;
                }
                if (inside && free[k]) {
                    scratch[count++] = k;
                } else {
                    ok = false;
                }
            }
            free[i] = ok;
            supersetsAfter[i] = ok ? java.util.Arrays.copyOf(scratch, count) : NONE;
        }
        // lines with the same candidates move the same eligible sums: track shares per such class
        classOfLine = new int[lineNets.length];
        int[] representative = new int[lineNets.length];
        int classes = 0;
        for (int l = 0; l < lineNets.length; l++) {
            int found = -1;
            for (int c = 0; c < classes && found < 0; c++) {
                if (java.util.Arrays.equals(lineMembers, l * candidateWords, (l + 1) * candidateWords,
                        lineMembers, representative[c] * candidateWords, (representative[c] + 1) * candidateWords)) {
                    found = c;
                }
            }
            if (found < 0) {
                found = classes;
                representative[classes++] = l;
            }
            classOfLine[l] = found;
        }
        classCandidates = new int[classes][];
        for (int c = 0; c < classes; c++) {
            int from = representative[c] * candidateWords;
            int count = 0;
            for (int w = 0; w < candidateWords; w++) {
                count += Long.bitCount(lineMembers[from + w]);
            }
            int[] members = new int[count];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if ((lineMembers[from + (i >>> 6)] & (1L << i)) != 0) {
                    members[m++] = i;
                }
            }
            classCandidates[c] = members;
        }
        classSum = new long[classes];
        classesOf = new int[n][];
        int[] seen = new int[classes];
        for (int i = 0; i < n; i++) {
            int[] lines = this.candidates[i].lines();
            int distinct = 0;
            for (int j = 0; j < lines.length; j++) {
                int c = classOfLine[lines[j]];
                if (seen[c] != i + 1) {
                    seen[c] = i + 1;
                    scratch[distinct++] = c;
                }
            }
            classesOf[i] = java.util.Arrays.copyOf(scratch, distinct);
        }
        chosen = new int[n];
        sharesByDepth = new long[this.maxCoupons + 1][widest];
        boundsByDepth = new long[this.maxCoupons + 2][n + 1];
        topScratch = new long[Math.max(this.maxCoupons, 1)];
        groupBestScratch = new long[groups];
        keys = new long[widest];
        for (long net : lineNets) {
            remainingTotal += net;
        }
    }

    private static final int[] NONE = new int[0];

    /**
     * For each suffix {@code from} of the candidates, the largest sum of {@code k} stand-alone
     * discounts of stackable coupons taking at most one per stacking group, for each {@code k <=
     * maxCoupons}: an upper bound of what {@code k} more coupons can add to a selection the search
     * builds. One backward pass keeping the top list.
     */
    static long[][] standaloneTopK(Candidate[] candidates, boolean[] exclusive, int[] group, int groups,
            int maxCoupons) {
        int n = candidates.length;
        long[][] out = new long[n + 1][maxCoupons + 1];
        long[] top = new long[Math.max(maxCoupons, 1)];
        long[] groupBest = new long[groups];
        for (int i = n - 1; i >= 0; i--) {
            long v = exclusive[i] ? 0 : candidates[i].standalone();
            if (maxCoupons > 0 && v > 0) {
                if (group[i] >= 0) {
                    if (v > groupBest[group[i]]) {
                        long old = groupBest[group[i]];
                        groupBest[group[i]] = v;
                        replace(top, maxCoupons, old, v);
                    }
                } else {
                    insert(top, maxCoupons, v);
                }
            }
            for (int k = 1; k <= maxCoupons; k++) {
                out[i][k] = out[i][k - 1] + top[k - 1];
            }
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
        if (exclusive[i]) {
            return false;
        }
        if (group[i] >= 0 && groupUsed[group[i]]) {
            return false;
        }
        return templateCount[template[i]] < perOrder[i];
    }

    /** Runs the exact search; afterwards {@link #best()} holds the optimum. */
    Combination search() {
        for (int i = 0; i < candidates.length; i++) {
            if (exclusive[i]) {
                // an exclusive coupon only goes alone: its stand-alone discount is all it can give
                offer(i, candidates[i].standalone());
            }
        }
        greedy();
        dfs(0);
        return this;
    }

    /** Offers the single coupon {@code i} worth {@code d} as a selection. */
    private void offer(int i, long d) {
        chosen[0] = i;
        size = 1;
        total = d;
        consider();
        size = 0;
        total = 0;
    }

    /**
     * A first incumbent so pruning starts tight: the stackable coupons by descending stand-alone
     * discount, each taken while the stacking rules allow it, valued exactly by applying them in
     * application order. Leaves the search state as it found it.
     */
    private void greedy() {
        int n = candidates.length;
        int[] order = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (exclusive[i]) {
                continue;
            }
            // insertion by descending stand-alone discount, ties in application order
            int k = count++;
            while (k > 0 && candidates[order[k - 1]].standalone() < candidates[i].standalone()) {
                order[k] = order[k - 1];
                k--;
            }
            order[k] = i;
        }
        int taken = 0;
        for (int t = 0; t < count && taken < maxCoupons; t++) {
            int i = order[t];
            if ((group[i] < 0 || !groupUsed[group[i]]) && templateCount[template[i]] < perOrder[i]) {
                chosen[taken++] = i;
                if (group[i] >= 0) {
                    groupUsed[group[i]] = true;
                }
                templateCount[template[i]]++;
            }
        }
        for (int t = 0; t < taken; t++) {
            int i = chosen[t];
            if (group[i] >= 0) {
                groupUsed[group[i]] = false;
            }
            templateCount[template[i]]--;
        }
        java.util.Arrays.sort(chosen, 0, taken);
        long sum = 0;
        for (int t = 0; t < taken; t++) {
            int i = chosen[t];
            long eligible = 0;
            for (int line : candidates[i].lines()) {
                eligible += remaining[line];
            }
            long d = candidates[i].discount(eligible);
            allocate(i, d, sharesByDepth[t]);
            sum += d;
        }
        for (int t = taken - 1; t >= 0; t--) {
            restore(chosen[t], sharesByDepth[t]);
        }
        size = taken;
        total = sum;
        consider();
        size = 0;
        total = 0;
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
            if (promising(i + 1)) {
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
                    allocate(i, d, sharesByDepth[size]);
                    track(i, -1);
                    dfs(i + 1);
                    restore(i, sharesByDepth[size]);
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
     * exactly as {@link Allocation#byLargestRemainder} does, into {@code out}, and takes the
     * shares off {@code remaining}. Without allocating while the amounts fit a packed sort key.
     */
    private void allocate(int i, long d, long[] out) {
        int[] lines = candidates[i].lines();
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
        int[] lines = candidates[i].lines();
        long[] s = sharesByDepth[size];
        for (int j = 0; j < lines.length; j++) {
            classSum[classOfLine[lines[j]]] += s[j];
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
        for (int i = n - 1; i >= from; i--) {
            Candidate c = candidates[i];
            long v = exclusive[i] || (group[i] >= 0 && groupUsed[group[i]])
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

    private void restore(int i, long[] shares) {
        int[] lines = candidates[i].lines();
        for (int j = 0; j < lines.length; j++) {
            remaining[lines[j]] += shares[j];
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
