package dev.siyu.tagging.engine;

import dev.siyu.core.explain.Explanation;
import dev.siyu.tagging.catalogue.TagCatalogue;
import dev.siyu.tagging.catalogue.TagDefinition;
import dev.siyu.tagging.catalogue.TagId;
import dev.siyu.tagging.catalogue.TagKind;
import dev.siyu.tagging.event.TagAssigned;
import dev.siyu.tagging.event.TagEvent;
import dev.siyu.tagging.event.TagRemoved;
import dev.siyu.tagging.feature.FeatureSource;
import dev.siyu.tagging.feature.FeatureType;
import dev.siyu.tagging.feature.MemberFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A tag catalogue compiled for fast evaluation. Immutable and thread-safe; per-thread scratch lives
 * in {@link Evaluator}s.
 *
 * <p>Compilation: every distinct feature reference becomes one {@code long} column, computed once
 * per member ({@link #features}). The constants all rules compare a column with split its values
 * into regions; each comparison (and its negation) becomes an "atom": the set of regions where it
 * holds, shared by every rule that contains it. Evaluating a member looks up one region per column
 * by binary search and touches only the atoms true there: rules on the same feature are indexed by
 * threshold. Rules without tag references are put in disjunctive normal form (at most 64 terms);
 * each distinct conjunction is evaluated once by counting its true atoms and fans out to every tag
 * that uses it. Rules reading other tags, and larger ones, are evaluated over a shared expression
 * DAG (identical sub-expressions once per member) in topological order.
 *
 * <p>Semantics, independent of the order of rules in the catalogue: a rule tag holds when its rule
 * holds and the as-of date is within its validity; a manual or imported tag holds while its
 * assignment does; in an exclusive group a member keeps at most one tag (manual and imported first,
 * the latest assignment among them; then the highest priority; then the smallest tag id).
 */
public final class TagEngine {

    final Compiler c;
    private final TagCatalogue catalogue;
    private final Extractor extractor;

    private TagEngine(TagCatalogue catalogue) {
        this.catalogue = catalogue;
        this.c = new Compiler(catalogue).compile();
        this.extractor = new Extractor(c.layout, catalogue.zone());
    }

    /** Compiles {@code catalogue}. */
    public static TagEngine compile(TagCatalogue catalogue) {
        return new TagEngine(Objects.requireNonNull(catalogue, "catalogue"));
    }

    public TagCatalogue catalogue() {
        return catalogue;
    }

    /** The feature columns this engine reads. */
    public FeatureLayout layout() {
        return c.layout;
    }

    /** The number of tags; tag bits of {@link Evaluator#evaluate} are numbered 0 to this − 1. */
    public int tagCount() {
        return c.tags.length;
    }

    /** The tag of bit {@code index} (tags are numbered by sorted id). */
    public TagId tagAt(int index) {
        return c.tags[index].id();
    }

    /** The bit of {@code tag}. @throws IllegalArgumentException if unknown */
    public int indexOf(TagId tag) {
        Integer i = c.tagIndex.get(tag);
        if (i == null) {
            throw new IllegalArgumentException("tag must be in the catalogue: " + tag);
        }
        return i;
    }

    /** Computes the member's feature row as of {@code asOf}, into a one-row table. */
    public FeatureTable features(MemberFacts facts, Instant asOf) {
        FeatureTable table = FeatureTable.of(c.layout, 1);
        extractor.extract(facts, asOf, table, 0);
        return table;
    }

    /** Computes the member's feature row as of {@code asOf} into row {@code row} of {@code table}. */
    public void features(MemberFacts facts, Instant asOf, FeatureTable table, int row) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(asOf, "asOf");
        checkLayout(table);
        extractor.extract(facts, asOf, table, row);
    }

    private void checkLayout(FeatureTable table) {
        if (table.layout() != c.layout) {
            throw new IllegalArgumentException("table must be laid out by this engine: " + table.layout());
        }
    }

    /** The tags whose state an event of any of {@code sources} can change. */
    public Set<TagId> affectedBy(Set<FeatureSource> sources) {
        BitSet a = mask(sources);
        Set<TagId> out = new java.util.TreeSet<>();
        a.stream().forEach(t -> out.add(c.tags[t].id()));
        return out;
    }

    private BitSet mask(Set<FeatureSource> sources) {
        BitSet a = new BitSet(c.tags.length);
        for (FeatureSource s : sources) {
            a.or(c.affectedBy[s.ordinal()]);
        }
        return a;
    }

    /** A new evaluator: reusable scratch for one thread. */
    public Evaluator newEvaluator() {
        return new Evaluator();
    }

    /**
     * Evaluates every tag of row {@code row} (computed as of {@code asOf}) against the member's
     * previous tags, returning the new tags and the events between them.
     */
    public TagEvaluation evaluate(FeatureTable table, int row, MemberTags previous, Instant asOf) {
        return newEvaluator().evaluate(table, row, previous, asOf);
    }

    /**
     * Re-evaluates only the tags an event of {@code sources} can change; the others keep their
     * previous state. Equal to {@link #evaluate} when the features of other sources did not change
     * since {@code previous} was computed.
     */
    public TagEvaluation evaluateChanged(FeatureTable table, int row, MemberTags previous, Instant asOf,
            Set<FeatureSource> sources) {
        return newEvaluator().evaluateChanged(table, row, previous, asOf, sources);
    }

    /** Why the member does or does not carry {@code tag}, given its feature row and current tags. */
    public Explanation explain(FeatureTable table, int row, MemberTags tags, TagId tag, Instant asOf) {
        return newEvaluator().explain(table, row, tags, tag, asOf);
    }

    /**
     * Per-thread evaluation scratch: not thread-safe, cheap to keep one per worker. The batch
     * method {@link #evaluate(FeatureTable, int, LocalDate, long[])} allocates nothing.
     */
    public final class Evaluator {
        private final long[] cand = new long[(c.tags.length + 63) >> 6];
        private final long[] raw = new long[cand.length];
        private final int[] nodeStamp = new int[c.nodeKind.length];
        private final boolean[] nodeValue = new boolean[c.nodeKind.length];
        private final int[] slotStamp = new int[c.slotConstants.length];
        private final int[] slotRegion = new int[c.slotConstants.length];
        private final int[] groupStamp = new int[c.groupIds.length];
        private final int[] groupWinner = new int[c.groupIds.length];
        private final long[] manualSince = new long[c.tags.length];
        private int gen;
        private long[] rows;
        private int off;

        private Evaluator() {
            java.util.Arrays.fill(manualSince, Long.MIN_VALUE);
        }

        /**
         * Evaluates the rule tags of row {@code row} as of {@code date} into {@code out} (one bit per
         * tag, {@link #tagCount()} bits, cleared first); manual and imported tags are not considered.
         *
         * @return the number of tags set
         */
        public int evaluate(FeatureTable table, int row, LocalDate date, long[] out) {
            if (out.length < cand.length) {
                throw new IllegalArgumentException("out must hold " + c.tags.length + " bits: " + out.length * 64);
            }
            checkLayout(table);
            start(table, row);
            long day = date.toEpochDay();
            indexed(day);
            finish(day, null);
            int count = 0;
            for (int w = 0; w < cand.length; w++) {
                out[w] = cand[w];
                count += Long.bitCount(cand[w]);
            }
            return count;
        }

        private void start(FeatureTable table, int row) {
            this.rows = table.values;
            this.off = table.offset(row);
            if (++gen == Integer.MAX_VALUE) {
                gen = 1;
                java.util.Arrays.fill(nodeStamp, 0);
                java.util.Arrays.fill(slotStamp, 0);
                java.util.Arrays.fill(groupStamp, 0);
            }
        }

        private int region(int slot) {
            if (slotStamp[slot] == gen) {
                return slotRegion[slot];
            }
            int r = regionOf(c.slotConstants[slot], rows[off + slot]);
            slotStamp[slot] = gen;
            slotRegion[slot] = r;
            return r;
        }

        /**
         * The region of {@code v} among the sorted constants {@code cs}: 0 when missing, 2i + 2 at
         * constant i, 2i + 1 just below constant i. A lower-bound search without data-dependent
         * branches (the JIT emits conditional moves), since member values are unpredictable.
         */
        private static int regionOf(long[] cs, long v) {
            if (v == FeatureType.MISSING) {
                return 0;
            }
            int n = cs.length;
            if (n == 0) {
                return 1;
            }
            int lo = 0;
            while (n > 1) {
                int half = n >>> 1;
                lo = cs[lo + half - 1] < v ? lo + half : lo;
                n -= half;
            }
            int below = cs[lo] < v ? lo + 1 : lo; // constants smaller than v
            return below < cs.length && cs[below] == v ? 2 * below + 2 : 2 * below + 1;
        }

        /** Phase 1 for all rule tags: one region per column, single-atom tags, triggered conjunctions, validity. */
        private void indexed(long day) {
            java.util.Arrays.fill(cand, 0);
            final int g = gen;
            final int slots = slotRegion.length;
            final long[] values = rows;
            final int base = off;
            for (int s = 0; s < slots; s++) {
                slotRegion[s] = regionOf(c.slotConstants[s], values[base + s]);
                slotStamp[s] = g;
            }
            final int[] regionTagStart = c.regionTagStart;
            final int[] regionTagList = c.regionTagList;
            final int[] regionConjStart = c.regionConjStart;
            final int[] regionConjList = c.regionConjList;
            final int[] otherStart = c.conjOtherStart;
            final int[] otherList = c.conjOtherList;
            final int[] atomSlot = c.atomSlot;
            final int[] atomOff = c.atomRegionOff;
            final long[] atomBits = c.atomRegionBits;
            final int[] conjTagStart = c.conjTagStart;
            final int[] conjTagList = c.conjTagList;
            final int[] regionBase = c.slotRegionBase;
            final int[] pairStart = c.regionPairStart;
            final int[] pairs = c.regionPairList;
            final int[] tripleStart = c.regionTripleStart;
            final int[] triples = c.regionTripleList;
            final int[] region = slotRegion;
            final long[] out = cand;
            for (int s = 0; s < slots; s++) {
                int r = regionBase[s] + region[s];
                for (int i = regionTagStart[r], e = regionTagStart[r + 1]; i < e; i++) {
                    int t = regionTagList[i];
                    out[t >> 6] |= 1L << t;
                }
                for (int i = pairStart[r], e = pairStart[r + 1]; i < e; i += 3) {
                    int t = pairs[i];
                    int ar = region[pairs[i + 1]];
                    long hit = atomBits[pairs[i + 2] + (ar >> 6)] >>> ar;
                    out[t >> 6] |= (hit & 1L) << t;
                }
                for (int i = tripleStart[r], e = tripleStart[r + 1]; i < e; i += 5) {
                    int t = triples[i];
                    int ar = region[triples[i + 1]];
                    int br = region[triples[i + 3]];
                    long hit = (atomBits[triples[i + 2] + (ar >> 6)] >>> ar) & (atomBits[triples[i + 4] + (br >> 6)] >>> br);
                    out[t >> 6] |= (hit & 1L) << t;
                }
                conj:
                for (int i = regionConjStart[r], e = regionConjStart[r + 1]; i < e; i++) {
                    int k = regionConjList[i];
                    for (int j = otherStart[k], je = otherStart[k + 1]; j < je; j++) {
                        int a = otherList[j];
                        int ar = region[atomSlot[a]];
                        if ((atomBits[atomOff[a] + (ar >> 6)] & (1L << ar)) == 0) {
                            continue conj;
                        }
                    }
                    for (int q = conjTagStart[k], qe = conjTagStart[k + 1]; q < qe; q++) {
                        int t = conjTagList[q];
                        out[t >> 6] |= 1L << t;
                    }
                }
            }
            for (int t : c.alwaysTrue) {
                cand[t >> 6] |= 1L << t;
            }
            for (int t : c.phase1General) {
                if (node(c.tagRoot[t])) {
                    cand[t >> 6] |= 1L << t;
                }
            }
            for (int t : c.validityTags) {
                if (c.tagRoot[t] >= 0 && !valid(t, day)) {
                    cand[t >> 6] &= ~(1L << t);
                }
            }
        }

        private boolean valid(int t, long day) {
            return day >= c.validFrom[t] && day <= c.validUntil[t];
        }

        /** Phases 3–5: exclusivity of groups without derived tags, derived tags, exclusivity of the rest. */
        private void finish(long day, BitSet only) {
            System.arraycopy(cand, 0, raw, 0, cand.length);
            if (c.anyResolve) {
                exclusive(false);
            }
            for (int t : c.phase2) {
                if (only != null && !only.get(t)) {
                    continue;
                }
                boolean v = valid(t, day) && node(c.tagRoot[t]);
                if (v) {
                    cand[t >> 6] |= 1L << t;
                    raw[t >> 6] |= 1L << t;
                } else {
                    cand[t >> 6] &= ~(1L << t);
                }
            }
            if (c.anyResolveDerived) {
                exclusive(true);
            }
        }

        private void exclusive(boolean derivedGroups) {
            int g = gen;
            for (int w = 0; w < cand.length; w++) {
                long bits = cand[w];
                while (bits != 0) {
                    int t = (w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    int grp = c.tagGroup[t];
                    if (!c.groupResolve[grp] || c.groupDerived[grp] != derivedGroups) {
                        continue;
                    }
                    if (groupStamp[grp] != g) {
                        groupStamp[grp] = g;
                        groupWinner[grp] = t;
                    } else if (better(t, groupWinner[grp])) {
                        groupWinner[grp] = t;
                    }
                }
            }
            for (int w = 0; w < cand.length; w++) {
                long bits = cand[w];
                while (bits != 0) {
                    int t = (w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    int grp = c.tagGroup[t];
                    if (c.groupResolve[grp] && c.groupDerived[grp] == derivedGroups && groupWinner[grp] != t) {
                        cand[w] &= ~(1L << t);
                    }
                }
            }
        }

        private boolean better(int t, int w) {
            long mt = manualSince[t];
            long mw = manualSince[w];
            if (mt != mw) {
                return mt > mw; // manual beats rule (MIN_VALUE); later manual beats earlier
            }
            if (c.priority[t] != c.priority[w]) {
                return c.priority[t] > c.priority[w];
            }
            return t < w;
        }

        private boolean atom(int a) {
            int r = region(c.atomSlot[a]);
            return (c.atomRegionBits[c.atomRegionOff[a] + (r >> 6)] & (1L << r)) != 0;
        }

        private boolean node(int n) {
            if (nodeStamp[n] == gen) {
                return nodeValue[n];
            }
            boolean v;
            switch (c.nodeKind[n]) {
                case Compiler.ATOM -> v = atom(c.nodeArg[n]);
                case Compiler.TAG -> v = (cand[c.nodeArg[n] >> 6] & (1L << c.nodeArg[n])) != 0;
                case Compiler.NTAG -> v = (cand[c.nodeArg[n] >> 6] & (1L << c.nodeArg[n])) == 0;
                case Compiler.AND -> {
                    v = true;
                    for (int i = c.nodeKidStart[n]; i < c.nodeKidStart[n + 1] && v; i++) {
                        v = node(c.nodeKids[i]);
                    }
                }
                default -> {
                    v = false;
                    for (int i = c.nodeKidStart[n]; i < c.nodeKidStart[n + 1] && !v; i++) {
                        v = node(c.nodeKids[i]);
                    }
                }
            }
            nodeStamp[n] = gen;
            nodeValue[n] = v;
            return v;
        }

        /** Full evaluation with manual tags and events. */
        TagEvaluation evaluate(FeatureTable table, int row, MemberTags previous, Instant asOf) {
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(asOf, "asOf");
            checkLayout(table);
            start(table, row);
            long day = LocalDate.ofInstant(asOf, catalogue.zone()).toEpochDay();
            indexed(day);
            overlayManual(previous, asOf, day, null);
            finish(day, null);
            return result(previous, asOf, day);
        }

        private void overlayManual(MemberTags previous, Instant asOf, long day, BitSet only) {
            for (Map.Entry<TagId, Provenance> e : previous.tags().entrySet()) {
                Integer t = c.tagIndex.get(e.getKey());
                if (t == null || c.kinds[t] == TagKind.RULE || (only != null && !only.get(t))) {
                    continue;
                }
                Provenance p = e.getValue();
                if (p.kind() != TagKind.RULE && p.holdsAt(asOf) && valid(t, day)) {
                    cand[t >> 6] |= 1L << t;
                    manualSince[t] = p.since().toEpochMilli();
                }
            }
        }

        TagEvaluation evaluateChanged(FeatureTable table, int row, MemberTags previous, Instant asOf,
                Set<FeatureSource> sources) {
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(asOf, "asOf");
            checkLayout(table);
            BitSet affected = mask(sources);
            start(table, row);
            long day = LocalDate.ofInstant(asOf, catalogue.zone()).toEpochDay();
            java.util.Arrays.fill(cand, 0);
            for (Map.Entry<TagId, Provenance> e : previous.tags().entrySet()) {
                Integer t = c.tagIndex.get(e.getKey());
                if (t != null && !affected.get(t) && (c.kinds[t] == TagKind.RULE) == (e.getValue().kind() == TagKind.RULE)) {
                    cand[t >> 6] |= 1L << t;
                    if (e.getValue().kind() != TagKind.RULE) {
                        manualSince[t] = e.getValue().since().toEpochMilli();
                    }
                }
            }
            for (int t = affected.nextSetBit(0); t >= 0; t = affected.nextSetBit(t + 1)) {
                if (c.tagRoot[t] >= 0 && !isDerived(t) && valid(t, day) && node(c.tagRoot[t])) {
                    cand[t >> 6] |= 1L << t;
                }
            }
            overlayManual(previous, asOf, day, affected);
            finish(day, affected);
            return result(previous, asOf, day);
        }

        private boolean isDerived(int t) {
            return c.tagDerived[t];
        }

        private TagEvaluation result(MemberTags previous, Instant asOf, long day) {
            Map<TagId, Provenance> next = new TreeMap<>();
            List<TagEvent> removed = new ArrayList<>();
            List<TagEvent> assigned = new ArrayList<>();
            for (int w = 0; w < cand.length; w++) {
                long bits = cand[w];
                while (bits != 0) {
                    int t = (w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    TagId id = c.tags[t].id();
                    Provenance before = previous.tags().get(id);
                    Provenance p = before != null ? before : Provenance.rule(catalogue.version(), asOf);
                    next.put(id, p);
                    if (before == null) {
                        assigned.add(new TagAssigned(previous.member(), asOf, id, p));
                    }
                }
            }
            for (Map.Entry<TagId, Provenance> e : previous.tags().entrySet()) {
                if (next.containsKey(e.getKey())) {
                    continue;
                }
                Integer t = c.tagIndex.get(e.getKey());
                String reason;
                if (t == null) {
                    reason = "REMOVED_FROM_CATALOGUE";
                } else if (!valid(t, day)) {
                    reason = "NOT_VALID";
                } else if ((raw[t >> 6] & (1L << t)) != 0) {
                    reason = "LOST_TO_EXCLUSIVE_GROUP";
                } else if (e.getValue().kind() != TagKind.RULE) {
                    reason = e.getValue().holdsAt(asOf) ? "KIND_CHANGED" : "EXPIRED";
                } else {
                    reason = "RULE_NO_LONGER_MATCHES";
                }
                removed.add(new TagRemoved(previous.member(), asOf, e.getKey(), reason));
            }
            for (Map.Entry<TagId, Provenance> e : previous.tags().entrySet()) {
                Integer t = c.tagIndex.get(e.getKey());
                if (t != null) {
                    manualSince[t] = Long.MIN_VALUE;
                }
            }
            List<TagEvent> events = new ArrayList<>(removed);
            events.addAll(assigned);
            return new TagEvaluation(new MemberTags(previous.member(), next), events);
        }

        Explanation explain(FeatureTable table, int row, MemberTags tags, TagId tag, Instant asOf) {
            int t = indexOf(tag);
            TagDefinition d = c.tags[t];
            long day = LocalDate.ofInstant(asOf, catalogue.zone()).toEpochDay();
            boolean has = tags.has(tag);
            Explanation.Builder b = Explanation.builder(has ? "TAG_ASSIGNED" : "TAG_NOT_ASSIGNED")
                    .fact("tag", tag).fact("kind", d.kind()).fact("group", d.group())
                    .fact("exclusiveGroup", c.groupExclusive[c.tagGroup[t]]).fact("catalogueVersion", catalogue.version());
            if (has) {
                Provenance p = tags.tags().get(tag);
                b.fact("since", p.since());
                p.guide().ifPresent(g -> b.fact("guide", g));
                p.source().ifPresent(s -> b.fact("source", s));
            }
            if (!valid(t, day)) {
                b.because(Explanation.builder("TAG_NOT_VALID").fact("validFrom", d.validFrom().orElse(null))
                        .fact("validUntil", d.validUntil().orElse(null)).build());
            }
            if (c.tagRoot[t] < 0) {
                b.because(Explanation.builder(has ? "SET_BY_STAFF_OR_IMPORT" : "NOT_SET_BY_STAFF_OR_IMPORT").build());
                return b.build();
            }
            start(table, row);
            java.util.Arrays.fill(cand, 0);
            for (TagId held : tags.tags().keySet()) {
                Integer h = c.tagIndex.get(held);
                if (h != null) {
                    cand[h >> 6] |= 1L << h;
                }
            }
            boolean ruleHolds = node(c.tagRoot[t]);
            b.because(explainNode(c.tagRoot[t], tags));
            if (ruleHolds && !has && valid(t, day) && c.groupExclusive[c.tagGroup[t]]) {
                b.because(Explanation.builder("LOST_TO_EXCLUSIVE_GROUP").fact("group", d.group()).build());
            }
            return b.build();
        }

        private Explanation explainNode(int n, MemberTags tags) {
            boolean v = node(n);
            switch (c.nodeKind[n]) {
                case Compiler.ATOM -> {
                    int a = c.nodeArg[n];
                    int s = c.atomSlot[a];
                    return Explanation.builder(v ? "CONDITION_MET" : "CONDITION_NOT_MET")
                            .fact("condition", c.atomText[a])
                            .fact("value", c.layout.describe(s, rows[off + s])).build();
                }
                case Compiler.TAG, Compiler.NTAG -> {
                    return Explanation.builder(v ? "CONDITION_MET" : "CONDITION_NOT_MET")
                            .fact("condition", (c.nodeKind[n] == Compiler.NTAG ? "not " : "") + "tag " + c.tags[c.nodeArg[n]].id())
                            .fact("value", tags.has(c.tags[c.nodeArg[n]].id())).build();
                }
                default -> {
                    Explanation.Builder b = Explanation.builder(
                            (c.nodeKind[n] == Compiler.AND ? "ALL_OF" : "ANY_OF") + (v ? "_MET" : "_NOT_MET"));
                    for (int i = c.nodeKidStart[n]; i < c.nodeKidStart[n + 1]; i++) {
                        b.because(explainNode(c.nodeKids[i], tags));
                    }
                    return b.build();
                }
            }
        }
    }
}
