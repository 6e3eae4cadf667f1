package dev.siyu.tagging.audience;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.member.Consent;
import dev.siyu.tagging.catalogue.TagId;
import dev.siyu.tagging.engine.FeatureTable;
import dev.siyu.tagging.engine.TagEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.roaringbitmap.RoaringBitmap;

/**
 * Members by tag as compressed bitmaps over member ordinals (0 to size − 1), with their consent and
 * their feature rows: what audiences are counted and listed from. Immutable and thread-safe once
 * built; build it with {@link #builder}. RoaringBitmap keeps sparse tags small and makes and/or/not
 * over millions of members take milliseconds.
 */
public final class TagIndex {

    final TagEngine engine;
    final RoaringBitmap[] byTag;
    final RoaringBitmap all;
    final RoaringBitmap personalized;
    final RoaringBitmap marketing;
    final MemberId[] members;
    final FeatureTable features;

    private TagIndex(Builder b) {
        this.engine = b.engine;
        this.byTag = b.byTag;
        for (RoaringBitmap r : byTag) {
            r.runOptimize();
        }
        this.all = RoaringBitmap.bitmapOfRange(0, b.members.size());
        this.personalized = b.personalized;
        this.marketing = b.marketing;
        this.members = b.members.toArray(new MemberId[0]);
        this.features = b.features;
    }

    /**
     * Starts an index of the members of {@code features} (row i is ordinal i), evaluated by {@code engine}.
     */
    public static Builder builder(TagEngine engine, FeatureTable features) {
        return new Builder(Objects.requireNonNull(engine, "engine"), Objects.requireNonNull(features, "features"));
    }

    /** The number of members. */
    public int size() {
        return members.length;
    }

    /** The member of ordinal {@code ordinal}. */
    public MemberId member(int ordinal) {
        return members[ordinal];
    }

    /** How many members carry {@code tag}. */
    public int count(TagId tag) {
        return byTag[engine.indexOf(tag)].getCardinality();
    }

    /** Adds members in ordinal order. Not thread-safe. */
    public static final class Builder {
        private final TagEngine engine;
        private final FeatureTable features;
        private final RoaringBitmap[] byTag;
        private final RoaringBitmap personalized = new RoaringBitmap();
        private final RoaringBitmap marketing = new RoaringBitmap();
        private final List<MemberId> members = new ArrayList<>();

        private Builder(TagEngine engine, FeatureTable features) {
            this.engine = engine;
            this.features = features;
            this.byTag = new RoaringBitmap[engine.tagCount()];
            for (int i = 0; i < byTag.length; i++) {
                byTag[i] = new RoaringBitmap();
            }
        }

        /**
         * Adds the next member with its consent and tag bits (as {@link TagEngine.Evaluator#evaluate}
         * writes them, or from the member's stored tags via {@link #add(MemberId, Consent, java.util.Set)}).
         */
        public Builder add(MemberId member, Consent consent, long[] tagBits) {
            int ordinal = next(member, consent);
            for (int w = 0; w < tagBits.length; w++) {
                long bits = tagBits[w];
                while (bits != 0) {
                    int t = (w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    if (t < byTag.length) {
                        byTag[t].add(ordinal);
                    }
                }
            }
            return this;
        }

        /** Adds the next member with its consent and tags. */
        public Builder add(MemberId member, Consent consent, java.util.Set<TagId> tags) {
            int ordinal = next(member, consent);
            for (TagId t : tags) {
                byTag[engine.indexOf(t)].add(ordinal);
            }
            return this;
        }

        private int next(MemberId member, Consent consent) {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(consent, "consent");
            int ordinal = members.size();
            if (ordinal >= features.size()) {
                throw new IllegalStateException("index must not hold more members than the feature table: " + features.size());
            }
            members.add(member);
            if (consent.personalizedMarketing()) {
                personalized.add(ordinal);
            }
            if (consent.marketingMessages()) {
                marketing.add(ordinal);
            }
            return ordinal;
        }

        /** @throws IllegalStateException unless every row of the feature table has a member */
        public TagIndex build() {
            if (members.size() != features.size()) {
                throw new IllegalStateException("index must hold one member per feature row: " + members.size()
                        + " of " + features.size());
            }
            return new TagIndex(this);
        }
    }
}
