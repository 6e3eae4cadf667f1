package dev.siyu.testkit;

import java.util.Objects;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Bridges Siyu's generators, which are plain functions of a seeded {@link RandomGenerator}, to
 * QuickTheories.
 *
 * <p>Every random long the generator draws is taken from QuickTheories' randomness source with a
 * constraint whose shrink target is zero, so when a property fails QuickTheories shrinks the drawn
 * values and with them the generated object (fewer lines, smaller amounts, shorter sequences).
 * Users of another property-testing library wrap the same functions in its own way.
 */
public final class Generators {

    private Generators() {
    }

    /** A QuickTheories generator drawing its randomness through {@code generator}. */
    public static <T> Gen<T> gen(Function<RandomGenerator, T> generator) {
        Objects.requireNonNull(generator, "generator");
        return in -> generator.apply(new SourceBackedRandom(in));
    }

    /** A {@link RandomGenerator} whose every draw comes from a QuickTheories source, shrinking to zero. */
    private static final class SourceBackedRandom implements RandomGenerator {
        private static final Constraint ANY_NON_NEGATIVE = Constraint.between(0, Long.MAX_VALUE).withShrinkPoint(0);

        private final RandomnessSource source;

        SourceBackedRandom(RandomnessSource source) {
            this.source = source;
        }

        @Override
        public long nextLong() {
            // Non-negative draws shrink towards 0; the sign bit is drawn separately so that it shrinks to "+".
            long magnitude = source.next(ANY_NON_NEGATIVE);
            return magnitude << 1 | source.next(Constraint.between(0, 1).withShrinkPoint(0));
        }

        @Override
        public int nextInt(int bound) {
            if (bound <= 0) {
                throw new IllegalArgumentException("bound must be > 0: " + bound);
            }
            return (int) source.next(Constraint.between(0, bound - 1L).withShrinkPoint(0));
        }

        @Override
        public int nextInt(int origin, int bound) {
            if (origin >= bound) {
                throw new IllegalArgumentException("origin must be < bound: " + origin + ", " + bound);
            }
            return (int) source.next(Constraint.between(origin, bound - 1L).withShrinkPoint(Math.max(origin, Math.min(0, bound - 1))));
        }

        @Override
        public long nextLong(long bound) {
            if (bound <= 0) {
                throw new IllegalArgumentException("bound must be > 0: " + bound);
            }
            return source.next(Constraint.between(0, bound - 1).withShrinkPoint(0));
        }

        @Override
        public long nextLong(long origin, long bound) {
            if (origin >= bound) {
                throw new IllegalArgumentException("origin must be < bound: " + origin + ", " + bound);
            }
            return source.next(Constraint.between(origin, bound - 1).withShrinkPoint(Math.max(origin, Math.min(0, bound - 1))));
        }

        @Override
        public boolean nextBoolean() {
            return source.next(Constraint.between(0, 1).withShrinkPoint(0)) == 1;
        }

        @Override
        public double nextDouble() {
            return source.next(Constraint.between(0, (1L << 53) - 1).withShrinkPoint(0)) * 0x1.0p-53;
        }
    }
}
