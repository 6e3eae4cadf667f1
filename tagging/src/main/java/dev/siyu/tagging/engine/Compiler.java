package dev.siyu.tagging.engine;

import dev.siyu.tagging.catalogue.TagCatalogue;
import dev.siyu.tagging.catalogue.TagDefinition;
import dev.siyu.tagging.catalogue.TagGroup;
import dev.siyu.tagging.catalogue.TagId;
import dev.siyu.tagging.catalogue.TagKind;
import dev.siyu.tagging.feature.FeatureDefinition;
import dev.siyu.tagging.feature.FeatureRef;
import dev.siyu.tagging.feature.FeatureSource;
import dev.siyu.tagging.feature.FeatureType;
import dev.siyu.tagging.rule.Operand;
import dev.siyu.tagging.rule.Rule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compiles a catalogue into the arrays of a {@link TagEngine}. Everything is numbered from sorted
 * keys (tag ids, feature reference text, constants), never from declaration order, so the compiled
 * engine and its results do not depend on the order of rules in the document.
 */
final class Compiler {

    static final int MAX_DNF_TERMS = 64;

    // node kinds of the shared expression DAG
    static final byte ATOM = 0;
    static final byte TAG = 1;
    static final byte NTAG = 2;
    static final byte AND = 3;
    static final byte OR = 4;

    final TagCatalogue catalogue;
    // tags, sorted by id
    TagDefinition[] tags;
    Map<TagId, Integer> tagIndex = new HashMap<>();
    int[] tagGroup;
    boolean[] groupExclusive;
    boolean[] groupDerived;
    String[] groupIds;
    int[] priority;
    long[] validFrom;
    long[] validUntil;
    TagKind[] kinds;

    // slots
    FeatureLayout layout;
    long[][] slotConstants;
    int[] slotRegionBase;
    int regionCount;

    // atoms: slot + set of regions where true
    int[] atomSlot;
    long[][] atomRegions;
    String[] atomText;
    int[] regionAtomStart;
    int[] regionAtomList;

    // the threshold index: per region, the single-atom tags true there and the conjunctions whose
    // trigger (rarest) atom is true there; a conjunction then checks its other atoms
    int[] regionTagStart;
    int[] regionTagList;
    int[] regionConjStart;
    int[] regionConjList;
    int[] conjTagStart;
    int[] conjTagList;
    int[] conjOtherStart;
    int[] conjOtherList;
    // conjunctions of two atoms (pairs) and of three (triples), flattened per trigger region: per
    // tag, the tag then (slot, offset into atomRegionBits) of each other atom
    int[] regionPairStart;
    int[] regionPairList;
    int[] regionTripleStart;
    int[] regionTripleList;
    int[] atomRegionOff;
    long[] atomRegionBits;
    int[] alwaysTrue;
    boolean[] groupResolve;
    boolean anyResolve;
    boolean anyResolveDerived;

    // DAG for tree evaluation and explanation
    byte[] nodeKind;
    int[] nodeArg;
    int[] nodeKidStart;
    int[] nodeKids;
    int[] tagRoot; // -1 for manual/imported
    boolean[] indexed;
    boolean[] tagDerived;
    int[] phase1General; // rule tags without refs that did not fit the index
    int[] phase2; // rule tags with refs, topological order
    int[] validityTags;
    BitSet[] affectedBy;

    private final Map<String, Integer> slotOf = new TreeMap<>();
    private final Map<String, FeatureRef> slotRefs = new TreeMap<>();
    private final Map<String, FeatureDefinition> slotDefs = new TreeMap<>();
    private final Map<String, Boolean> slotAge = new TreeMap<>();
    private final Map<String, TreeSet<Long>> constants = new TreeMap<>();
    private final Map<String, TreeSet<String>> codeValues = new TreeMap<>();
    private Map<String, Map<String, Integer>> dictionaries;

    Compiler(TagCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    Compiler compile() {
        List<TagDefinition> sorted = new ArrayList<>(catalogue.tags().values());
        sorted.sort((a, b) -> a.id().compareTo(b.id()));
        tags = sorted.toArray(new TagDefinition[0]);
        int n = tags.length;
        List<String> groupList = new ArrayList<>(new TreeSet<>(catalogue.groups().keySet()));
        groupIds = groupList.toArray(new String[0]);
        Map<String, Integer> groupIndex = new HashMap<>();
        for (int g = 0; g < groupIds.length; g++) {
            groupIndex.put(groupIds[g], g);
        }
        groupExclusive = new boolean[groupIds.length];
        groupDerived = new boolean[groupIds.length];
        for (int g = 0; g < groupIds.length; g++) {
            TagGroup group = catalogue.groups().get(groupIds[g]);
            groupExclusive[g] = group.exclusive();
        }
        tagGroup = new int[n];
        priority = new int[n];
        validFrom = new long[n];
        validUntil = new long[n];
        kinds = new TagKind[n];
        List<Integer> withValidity = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            TagDefinition d = tags[t];
            tagIndex.put(d.id(), t);
            tagGroup[t] = groupIndex.get(d.group());
            priority[t] = d.priority();
            kinds[t] = d.kind();
            validFrom[t] = d.validFrom().map(LocalDate::toEpochDay).orElse(Long.MIN_VALUE);
            validUntil[t] = d.validUntil().map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE);
            if (d.validFrom().isPresent() || d.validUntil().isPresent()) {
                withValidity.add(t);
            }
        }
        validityTags = withValidity.stream().mapToInt(Integer::intValue).toArray();
        // pass 1: slots, constants and codes
        for (TagDefinition d : tags) {
            d.rule().ifPresent(this::collect);
        }
        buildLayout();
        // pass 2: atoms and the shared DAG
        for (TagDefinition d : tags) {
            d.rule().ifPresent(this::collectConstants);
        }
        buildRegions();
        tagRoot = new int[n];
        Arrays.fill(tagRoot, -1);
        indexed = new boolean[n];
        tagDerived = new boolean[n];
        Map<List<Integer>, Integer> conjIds = new LinkedHashMap<>();
        List<List<Integer>> conjTags = new ArrayList<>();
        List<Integer> always = new ArrayList<>();
        List<Integer> general = new ArrayList<>();
        List<Integer> derived = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            if (tags[t].rule().isEmpty()) {
                continue;
            }
            Nnf nnf = nnf(tags[t].rule().get(), false);
            tagRoot[t] = intern(nnf);
            if (nnf.readsTags()) {
                derived.add(t);
                tagDerived[t] = true;
                groupDerived[tagGroup[t]] = true;
                continue;
            }
            List<int[]> dnf = dnf(nnf);
            if (dnf == null) {
                general.add(t);
                continue;
            }
            indexed[t] = true;
            for (int[] term : dnf) {
                if (term.length == 0) {
                    always.add(t);
                    continue;
                }
                List<Integer> key = new ArrayList<>();
                for (int a : term) {
                    key.add(a);
                }
                Integer c = conjIds.get(key);
                if (c == null) {
                    c = conjIds.size();
                    conjIds.put(key, c);
                    conjTags.add(new ArrayList<>());
                }
                if (!conjTags.get(c).contains(t)) {
                    conjTags.get(c).add(t);
                }
            }
        }
        finishNodes();
        alwaysTrue = always.stream().distinct().mapToInt(Integer::intValue).toArray();
        phase1General = general.stream().mapToInt(Integer::intValue).toArray();
        buildIndex(conjIds, conjTags);
        phase2 = topological(derived);
        dependencies();
        return this;
    }

    private void buildIndex(Map<List<Integer>, Integer> conjIds, List<List<Integer>> conjTags) {
        int atoms = atomSlot.length;
        atomRegionOff = new int[atoms + 1];
        int words = 0;
        for (int a = 0; a < atoms; a++) {
            atomRegionOff[a] = words;
            words += atomRegions[a].length;
        }
        atomRegionOff[atoms] = words;
        atomRegionBits = new long[words];
        for (int a = 0; a < atoms; a++) {
            System.arraycopy(atomRegions[a], 0, atomRegionBits, atomRegionOff[a], atomRegions[a].length);
        }
        double[] fraction = new double[atoms];
        for (int a = 0; a < atoms; a++) {
            int s = atomSlot[a];
            int reachable = 0;
            int truths = 0;
            for (int r = 0; r < regions(s); r++) {
                if (reachable(s, r)) {
                    reachable++;
                    if ((atomRegions[a][r >> 6] & (1L << r)) != 0) {
                        truths++;
                    }
                }
            }
            fraction[a] = reachable == 0 ? 1 : (double) truths / reachable;
        }
        List<List<Integer>> regionTags = new ArrayList<>();
        List<List<Integer>> regionConjs = new ArrayList<>();
        List<List<Integer>> regionPairs = new ArrayList<>();
        List<List<Integer>> regionTriples = new ArrayList<>();
        for (int r = 0; r < regionCount; r++) {
            regionTags.add(new ArrayList<>());
            regionConjs.add(new ArrayList<>());
            regionPairs.add(new ArrayList<>());
            regionTriples.add(new ArrayList<>());
        }
        List<Integer> conjTagFlat = new ArrayList<>();
        List<Integer> otherFlat = new ArrayList<>();
        List<Integer> tagStarts = new ArrayList<>();
        List<Integer> otherStarts = new ArrayList<>();
        int k = 0;
        for (Map.Entry<List<Integer>, Integer> e : conjIds.entrySet()) {
            List<Integer> conj = e.getKey();
            List<Integer> targets = conjTags.get(e.getValue());
            int trigger = conj.get(0);
            for (int a : conj) {
                if (fraction[a] < fraction[trigger]) {
                    trigger = a;
                }
            }
            int s = atomSlot[trigger];
            if (conj.size() == 1) {
                for (int r = 0; r < regions(s); r++) {
                    if ((atomRegions[trigger][r >> 6] & (1L << r)) != 0) {
                        regionTags.get(slotRegionBase[s] + r).addAll(targets);
                    }
                }
                continue;
            }
            List<Integer> others = new ArrayList<>();
            for (int a : conj) {
                if (a != trigger) {
                    others.add(a);
                }
            }
            if (others.size() <= 2) {
                // flattened, one entry per tag: (tag, slot, word offset) per other atom, checked without branches
                List<List<Integer>> lists = others.size() == 1 ? regionPairs : regionTriples;
                for (int r = 0; r < regions(s); r++) {
                    if ((atomRegions[trigger][r >> 6] & (1L << r)) != 0) {
                        List<Integer> list = lists.get(slotRegionBase[s] + r);
                        for (int t : targets) {
                            list.add(t);
                            for (int a : others) {
                                list.add(atomSlot[a]);
                                list.add(atomRegionOff[a]);
                            }
                        }
                    }
                }
                continue;
            }
            tagStarts.add(conjTagFlat.size());
            conjTagFlat.addAll(targets);
            otherStarts.add(otherFlat.size());
            otherFlat.addAll(others);
            for (int r = 0; r < regions(s); r++) {
                if ((atomRegions[trigger][r >> 6] & (1L << r)) != 0) {
                    regionConjs.get(slotRegionBase[s] + r).add(k);
                }
            }
            k++;
        }
        tagStarts.add(conjTagFlat.size());
        otherStarts.add(otherFlat.size());
        conjTagStart = tagStarts.stream().mapToInt(Integer::intValue).toArray();
        conjTagList = conjTagFlat.stream().mapToInt(Integer::intValue).toArray();
        conjOtherStart = otherStarts.stream().mapToInt(Integer::intValue).toArray();
        conjOtherList = otherFlat.stream().mapToInt(Integer::intValue).toArray();
        regionTagStart = new int[regionCount + 1];
        regionConjStart = new int[regionCount + 1];
        List<Integer> tagFlat = new ArrayList<>();
        List<Integer> conjFlat = new ArrayList<>();
        for (int r = 0; r < regionCount; r++) {
            regionTagStart[r] = tagFlat.size();
            regionTags.get(r).stream().distinct().forEach(tagFlat::add);
            regionConjStart[r] = conjFlat.size();
            conjFlat.addAll(regionConjs.get(r));
        }
        regionTagStart[regionCount] = tagFlat.size();
        regionConjStart[regionCount] = conjFlat.size();
        regionTagList = tagFlat.stream().mapToInt(Integer::intValue).toArray();
        regionConjList = conjFlat.stream().mapToInt(Integer::intValue).toArray();
        regionPairStart = new int[regionCount + 1];
        regionTripleStart = new int[regionCount + 1];
        List<Integer> pairFlat = new ArrayList<>();
        List<Integer> tripleFlat = new ArrayList<>();
        for (int r = 0; r < regionCount; r++) {
            regionPairStart[r] = pairFlat.size();
            pairFlat.addAll(regionPairs.get(r));
            regionTripleStart[r] = tripleFlat.size();
            tripleFlat.addAll(regionTriples.get(r));
        }
        regionPairStart[regionCount] = pairFlat.size();
        regionTripleStart[regionCount] = tripleFlat.size();
        regionPairList = pairFlat.stream().mapToInt(Integer::intValue).toArray();
        regionTripleList = tripleFlat.stream().mapToInt(Integer::intValue).toArray();
        resolveGroups(conjIds, conjTags);
    }

    /** An exclusive group needs resolving unless its tags are single atoms on one column that never overlap. */
    private void resolveGroups(Map<List<Integer>, Integer> conjIds, List<List<Integer>> conjTags) {
        int n = tags.length;
        int[] unitAtom = new int[n];
        Arrays.fill(unitAtom, -1);
        int[] terms = new int[n];
        for (Map.Entry<List<Integer>, Integer> e : conjIds.entrySet()) {
            for (int t : conjTags.get(e.getValue())) {
                terms[t]++;
                unitAtom[t] = e.getKey().size() == 1 ? e.getKey().get(0) : -2;
            }
        }
        groupResolve = new boolean[groupIds.length];
        List<List<Integer>> members = new ArrayList<>();
        for (int g = 0; g < groupIds.length; g++) {
            members.add(new ArrayList<>());
        }
        for (int t = 0; t < n; t++) {
            members.get(tagGroup[t]).add(t);
        }
        for (int g = 0; g < groupIds.length; g++) {
            if (!groupExclusive[g]) {
                continue;
            }
            boolean disjoint = true;
            int slot = -1;
            long[] union = null;
            for (int t : members.get(g)) {
                if (!indexed[t] || terms[t] != 1 || unitAtom[t] < 0) {
                    disjoint = false;
                    break;
                }
                int a = unitAtom[t];
                if (slot == -1) {
                    slot = atomSlot[a];
                    union = new long[atomRegions[a].length];
                } else if (slot != atomSlot[a]) {
                    disjoint = false;
                    break;
                }
                for (int w = 0; w < union.length; w++) {
                    if ((union[w] & atomRegions[a][w]) != 0) {
                        disjoint = false;
                    }
                    union[w] |= atomRegions[a][w];
                }
            }
            groupResolve[g] = !disjoint;
        }
        for (int g = 0; g < groupIds.length; g++) {
            if (groupResolve[g] && !groupDerived[g]) {
                anyResolve = true;
            }
            if (groupResolve[g] && groupDerived[g]) {
                anyResolveDerived = true;
            }
        }
    }

    private boolean reachable(int slot, int r) {
        if (r == 0) {
            return true;
        }
        long[] cs = slotConstants[slot];
        int k = r - 1;
        if ((k & 1) == 1) {
            return true;
        }
        int i = k >> 1;
        long lo = i == 0 ? Long.MIN_VALUE : cs[i - 1];
        long hi = i == cs.length ? Long.MAX_VALUE : cs[i];
        return hi - lo > 1 || (i == 0 && cs.length > 0 && cs[0] > Long.MIN_VALUE + 1) || i == cs.length;
    }

    // ---------------------------------------------------------------- slots

    private static boolean relative(Rule.Compare c) {
        for (Operand o : c.values()) {
            if (o instanceof Operand.DaysAgo) {
                return true;
            }
        }
        return false;
    }

    private void collect(Rule rule) {
        if (rule instanceof Rule.And a) {
            a.all().forEach(this::collect);
        } else if (rule instanceof Rule.Or o) {
            o.any().forEach(this::collect);
        } else if (rule instanceof Rule.Not n) {
            collect(n.rule());
        } else if (rule instanceof Rule.Compare c) {
            boolean age = relative(c);
            String key = FeatureLayout.key(c.feature(), age);
            slotRefs.put(key, c.feature());
            slotAge.put(key, age);
            slotDefs.put(key, catalogue.features().find(c.feature().feature()).orElseThrow());
            for (Operand o : c.values()) {
                if (o instanceof Operand.Code code) {
                    codeValues.computeIfAbsent(c.feature().feature(), k -> new TreeSet<>()).add(code.value());
                }
            }
        }
    }

    private void buildLayout() {
        List<FeatureRef> refs = new ArrayList<>();
        List<FeatureDefinition> defs = new ArrayList<>();
        boolean[] age = new boolean[slotRefs.size()];
        int s = 0;
        for (String key : slotRefs.keySet()) {
            slotOf.put(key, s);
            refs.add(slotRefs.get(key));
            defs.add(slotDefs.get(key));
            age[s] = slotAge.get(key);
            s++;
        }
        dictionaries = new HashMap<>();
        Map<String, List<String>> codes = new HashMap<>();
        for (Map.Entry<String, TreeSet<String>> e : codeValues.entrySet()) {
            Map<String, Integer> dict = new HashMap<>();
            List<String> list = new ArrayList<>(e.getValue());
            for (int i = 0; i < list.size(); i++) {
                dict.put(list.get(i), i);
            }
            dictionaries.put(e.getKey(), Map.copyOf(dict));
            codes.put(e.getKey(), List.copyOf(list));
        }
        layout = new FeatureLayout(refs, defs, age, dictionaries, codes, new HashMap<>(slotOf));
        slotConstants = new long[refs.size()][];
    }

    private long[] values(Rule.Compare c) {
        boolean age = relative(c);
        long[] out = new long[c.values().size()];
        for (int i = 0; i < out.length; i++) {
            Operand o = c.values().get(i);
            if (o instanceof Operand.Num num) {
                out[i] = num.value();
            } else if (o instanceof Operand.Flag f) {
                out[i] = f.value() ? 1 : 0;
            } else if (o instanceof Operand.Date d) {
                out[i] = d.value().toEpochDay();
            } else if (o instanceof Operand.DaysAgo d) {
                out[i] = d.days();
            } else if (o instanceof Operand.Code code) {
                out[i] = dictionaries.get(c.feature().feature()).get(code.value());
            }
            if (age && !(o instanceof Operand.DaysAgo)) {
                throw new IllegalStateException("mixed relative and absolute dates in " + c);
            }
        }
        return out;
    }

    private void collectConstants(Rule rule) {
        if (rule instanceof Rule.And a) {
            a.all().forEach(this::collectConstants);
        } else if (rule instanceof Rule.Or o) {
            o.any().forEach(this::collectConstants);
        } else if (rule instanceof Rule.Not n) {
            collectConstants(n.rule());
        } else if (rule instanceof Rule.Compare c) {
            String key = FeatureLayout.key(c.feature(), relative(c));
            TreeSet<Long> set = constants.computeIfAbsent(key, k -> new TreeSet<>());
            for (long v : values(c)) {
                set.add(v);
            }
        }
    }

    private void buildRegions() {
        slotRegionBase = new int[slotConstants.length + 1];
        int base = 0;
        for (Map.Entry<String, Integer> e : slotOf.entrySet()) {
            int s = e.getValue();
            TreeSet<Long> set = constants.getOrDefault(e.getKey(), new TreeSet<>());
            slotConstants[s] = set.stream().mapToLong(Long::longValue).toArray();
        }
        for (int s = 0; s < slotConstants.length; s++) {
            slotRegionBase[s] = base;
            base += regions(s);
        }
        slotRegionBase[slotConstants.length] = base;
        regionCount = base;
    }

    /** Regions of a slot with k constants: missing, then (−∞,c0), c0, (c0,c1), c1, …, ck−1, (ck−1,+∞). */
    int regions(int slot) {
        return 2 * slotConstants[slot].length + 2;
    }

    /** Sign of (a value in region r) − c, exact for the constants of the slot. */
    private static int cmp(long[] cs, int r, long c) {
        int k = r - 1; // 0-based among non-missing regions
        if ((k & 1) == 1) {
            return Long.compare(cs[k >> 1], c);
        }
        int i = k >> 1; // interval before cs[i]
        if (i < cs.length && cs[i] <= c) {
            return -1;
        }
        return 1;
    }

    // ---------------------------------------------------------------- atoms and NNF

    private final Map<String, Integer> atomIds = new HashMap<>();
    final List<Integer> atomSlotList = new ArrayList<>();
    private final List<long[]> atomRegionList = new ArrayList<>();
    private final List<String> atomTextList = new ArrayList<>();

    private int atom(Rule.Compare c, boolean negated) {
        int slot = slotOf.get(FeatureLayout.key(c.feature(), relative(c)));
        long[] cs = slotConstants[slot];
        int regions = regions(slot);
        long[] vals = values(c);
        boolean age = relative(c);
        BitSet truth = new BitSet(regions);
        for (int r = 1; r < regions; r++) {
            truth.set(r, test(c.op(), cs, r, vals, age));
        }
        if (negated) {
            truth.flip(0, regions);
        }
        String key = slot + ":" + truth;
        Integer id = atomIds.get(key);
        if (id == null) {
            id = atomSlotList.size();
            atomIds.put(key, id);
            atomSlotList.add(slot);
            long[] words = truth.toLongArray();
            atomRegionList.add(Arrays.copyOf(words, (regions + 63) >> 6));
            atomTextList.add((negated ? "not " : "") + c.feature() + " " + c.op().name().toLowerCase(java.util.Locale.ROOT)
                    + (c.values().isEmpty() ? "" : " " + render(c, slot)));
        }
        return id;
    }

    /** The compared values as a reader writes them: amounts of a money feature as money, not minor units. */
    private String render(Rule.Compare c, int slot) {
        boolean money = layout.definition(slot).type() == FeatureType.MONEY;
        List<String> parts = new ArrayList<>();
        for (Operand o : c.values()) {
            if (o instanceof Operand.Num n) {
                parts.add(money ? layout.describe(slot, n.value()) : Long.toString(n.value()));
            } else if (o instanceof Operand.Code code) {
                parts.add(code.value());
            } else if (o instanceof Operand.Flag f) {
                parts.add(Boolean.toString(f.value()));
            } else if (o instanceof Operand.Date d) {
                parts.add(d.value().toString());
            } else if (o instanceof Operand.DaysAgo d) {
                parts.add(d.days() + " days ago");
            }
        }
        return parts.size() == 1 ? parts.get(0) : parts.toString();
    }

    /** Truth of the comparison in region r; relative dates compare ages, so the order flips. */
    private static boolean test(Rule.Op op, long[] cs, int r, long[] v, boolean age) {
        int s0 = v.length > 0 ? cmp(cs, r, v[0]) : 0;
        if (age) {
            s0 = -s0; // date ≥ asOf − n  ⇔  age ≤ n
        }
        return switch (op) {
            case EQ -> s0 == 0;
            case NE -> s0 != 0;
            case LT -> s0 < 0;
            case LTE -> s0 <= 0;
            case GT -> s0 > 0;
            case GTE -> s0 >= 0;
            case BETWEEN -> {
                int s1 = cmp(cs, r, v[1]);
                if (age) {
                    s1 = -s1;
                }
                // date between [asOf−a, asOf−b]: ages between b and a, in whatever order given
                yield (s0 >= 0 && s1 <= 0) || (age && s0 <= 0 && s1 >= 0);
            }
            case IN -> {
                boolean any = false;
                for (long x : v) {
                    any |= cmp(cs, r, x) == 0;
                }
                yield any;
            }
            case PRESENT -> true;
        };
    }

    /** A negation-normal-form node. */
    private static final class Nnf {
        final byte kind;
        final int arg;
        final List<Nnf> kids;

        Nnf(byte kind, int arg, List<Nnf> kids) {
            this.kind = kind;
            this.arg = arg;
            this.kids = kids;
        }

        boolean readsTags() {
            if (kind == TAG || kind == NTAG) {
                return true;
            }
            for (Nnf k : kids) {
                if (k.readsTags()) {
                    return true;
                }
            }
            return false;
        }
    }

    private Nnf nnf(Rule rule, boolean negated) {
        if (rule instanceof Rule.And a) {
            List<Nnf> kids = new ArrayList<>();
            a.all().forEach(r -> kids.add(nnf(r, negated)));
            return new Nnf(negated ? OR : AND, 0, kids);
        } else if (rule instanceof Rule.Or o) {
            List<Nnf> kids = new ArrayList<>();
            o.any().forEach(r -> kids.add(nnf(r, negated)));
            return new Nnf(negated ? AND : OR, 0, kids);
        } else if (rule instanceof Rule.Not n) {
            return nnf(n.rule(), !negated);
        } else if (rule instanceof Rule.HasTag h) {
            return new Nnf(negated ? NTAG : TAG, tagIndex.get(h.tag()), List.of());
        }
        return new Nnf(ATOM, atom((Rule.Compare) rule, negated), List.of());
    }

    /** Disjunctive normal form as sorted atom sets, or null when it would exceed {@link #MAX_DNF_TERMS}. */
    private static List<int[]> dnf(Nnf n) {
        if (n.kind == ATOM) {
            return List.of(new int[] {n.arg});
        }
        if (n.kind == OR) {
            List<int[]> out = new ArrayList<>();
            for (Nnf k : n.kids) {
                List<int[]> d = dnf(k);
                if (d == null || out.size() + d.size() > MAX_DNF_TERMS) {
                    return null;
                }
                out.addAll(d);
            }
            return out;
        }
        List<int[]> out = new ArrayList<>();
        out.add(new int[0]);
        for (Nnf k : n.kids) {
            List<int[]> d = dnf(k);
            if (d == null || (long) out.size() * d.size() > MAX_DNF_TERMS) {
                return null;
            }
            List<int[]> next = new ArrayList<>();
            for (int[] a : out) {
                for (int[] b : d) {
                    TreeSet<Integer> merged = new TreeSet<>();
                    for (int x : a) {
                        merged.add(x);
                    }
                    for (int x : b) {
                        merged.add(x);
                    }
                    next.add(merged.stream().mapToInt(Integer::intValue).toArray());
                }
            }
            out = next;
        }
        return out;
    }

    // ---------------------------------------------------------------- shared DAG

    private final Map<String, Integer> nodeIds = new HashMap<>();
    private final List<Byte> kindList = new ArrayList<>();
    private final List<Integer> argList = new ArrayList<>();
    private final List<int[]> kidList = new ArrayList<>();

    private int intern(Nnf n) {
        int[] kids = new int[n.kids.size()];
        for (int i = 0; i < kids.length; i++) {
            kids[i] = intern(n.kids.get(i));
        }
        String key = n.kind + ":" + n.arg + ":" + Arrays.toString(kids);
        Integer id = nodeIds.get(key);
        if (id == null) {
            id = kindList.size();
            nodeIds.put(key, id);
            kindList.add(n.kind);
            argList.add(n.arg);
            kidList.add(kids);
        }
        return id;
    }

    private void finishNodes() {
        int count = kindList.size();
        nodeKind = new byte[count];
        nodeArg = new int[count];
        nodeKidStart = new int[count + 1];
        List<Integer> flat = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            nodeKind[i] = kindList.get(i);
            nodeArg[i] = argList.get(i);
            nodeKidStart[i] = flat.size();
            for (int k : kidList.get(i)) {
                flat.add(k);
            }
        }
        nodeKidStart[count] = flat.size();
        nodeKids = flat.stream().mapToInt(Integer::intValue).toArray();
        int atoms = atomSlotList.size();
        atomSlot = atomSlotList.stream().mapToInt(Integer::intValue).toArray();
        atomRegions = atomRegionList.toArray(new long[0][]);
        atomText = atomTextList.toArray(new String[0]);
        List<List<Integer>> perRegion = new ArrayList<>();
        for (int r = 0; r < regionCount; r++) {
            perRegion.add(new ArrayList<>());
        }
        for (int a = 0; a < atoms; a++) {
            int s = atomSlot[a];
            for (int r = 0; r < regions(s); r++) {
                if ((atomRegions[a][r >> 6] & (1L << r)) != 0) {
                    perRegion.get(slotRegionBase[s] + r).add(a);
                }
            }
        }
        regionAtomStart = new int[regionCount + 1];
        List<Integer> list = new ArrayList<>();
        for (int r = 0; r < regionCount; r++) {
            regionAtomStart[r] = list.size();
            list.addAll(perRegion.get(r));
        }
        regionAtomStart[regionCount] = list.size();
        regionAtomList = list.stream().mapToInt(Integer::intValue).toArray();
    }

    private int[] topological(List<Integer> derived) {
        Map<Integer, Integer> depth = new HashMap<>();
        for (int t : derived) {
            depthOf(t, depth);
        }
        List<Integer> order = new ArrayList<>(derived);
        order.sort((a, b) -> depth.get(a) != depth.get(b).intValue() ? Integer.compare(depth.get(a), depth.get(b))
                : Integer.compare(a, b));
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    private int depthOf(int t, Map<Integer, Integer> memo) {
        Integer d = memo.get(t);
        if (d != null) {
            return d;
        }
        int best = 0;
        if (tagRoot[t] >= 0) {
            for (int ref : refsOf(tagRoot[t], new TreeSet<>())) {
                best = Math.max(best, depthOf(ref, memo) + 1);
            }
        }
        memo.put(t, best);
        return best;
    }

    Set<Integer> refsOf(int node, Set<Integer> out) {
        if (nodeKind[node] == TAG || nodeKind[node] == NTAG) {
            out.add(nodeArg[node]);
        }
        for (int i = nodeKidStart[node]; i < nodeKidStart[node + 1]; i++) {
            refsOf(nodeKids[i], out);
        }
        return out;
    }

    private void atomsOf(int node, Set<Integer> out) {
        if (nodeKind[node] == ATOM) {
            out.add(nodeArg[node]);
        }
        for (int i = nodeKidStart[node]; i < nodeKidStart[node + 1]; i++) {
            atomsOf(nodeKids[i], out);
        }
    }

    /** For each source, the tags an event of that source can change: closed under readers and exclusive group mates. */
    private void dependencies() {
        int n = tags.length;
        FeatureSource[] sources = FeatureSource.values();
        affectedBy = new BitSet[sources.length];
        List<Set<FeatureSource>> direct = new ArrayList<>();
        List<List<Integer>> readers = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            readers.add(new ArrayList<>());
        }
        for (int t = 0; t < n; t++) {
            Set<FeatureSource> s = EnumSet.noneOf(FeatureSource.class);
            if (tagRoot[t] >= 0) {
                Set<Integer> atoms = new TreeSet<>();
                atomsOf(tagRoot[t], atoms);
                for (int a : atoms) {
                    int slot = atomSlot[a];
                    s.addAll(layout.definition(slot).sources());
                    if (layout.isAge(slot)) {
                        s.add(FeatureSource.CLOCK);
                    }
                }
                for (int r : refsOf(tagRoot[t], new TreeSet<>())) {
                    readers.get(r).add(t);
                }
            } else {
                s.add(FeatureSource.MANUAL_TAGS);
                s.add(FeatureSource.CLOCK);
            }
            if (validFrom[t] != Long.MIN_VALUE || validUntil[t] != Long.MAX_VALUE) {
                s.add(FeatureSource.CLOCK);
            }
            direct.add(s);
        }
        List<List<Integer>> groupMembers = new ArrayList<>();
        for (int g = 0; g < groupIds.length; g++) {
            groupMembers.add(new ArrayList<>());
        }
        for (int t = 0; t < n; t++) {
            groupMembers.get(tagGroup[t]).add(t);
        }
        for (FeatureSource source : sources) {
            BitSet affected = new BitSet(n);
            List<Integer> work = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                if (direct.get(t).contains(source)) {
                    affected.set(t);
                    work.add(t);
                }
            }
            while (!work.isEmpty()) {
                int t = work.remove(work.size() - 1);
                List<Integer> next = new ArrayList<>(readers.get(t));
                if (groupExclusive[tagGroup[t]]) {
                    next.addAll(groupMembers.get(tagGroup[t]));
                }
                for (int u : next) {
                    if (!affected.get(u)) {
                        affected.set(u);
                        work.add(u);
                    }
                }
            }
            affectedBy[source.ordinal()] = affected;
        }
    }

    static FeatureType typeOf(FeatureDefinition d) {
        return d.type();
    }
}
