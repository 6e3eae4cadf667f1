package dev.siyu.attribution.target;

import java.util.List;
import java.util.Objects;

/**
 * A node of an organisation to split a target over (mall → department → role → guide): its name,
 * its weight among its siblings, and its children.
 *
 * @param name the node's name, e.g. {@code "cosmetics"} or a guide id
 * @param weight its weight among its siblings, {@code >= 0} (e.g. last year's sales or headcount)
 * @param children its children; a leaf has none
 */
public record TargetNode(String name, long weight, List<TargetNode> children) {
    /** @throws IllegalArgumentException if the weight is negative or all children weigh zero */
    public TargetNode {
        Objects.requireNonNull(name, "name");
        children = List.copyOf(children);
        if (weight < 0) {
            throw new IllegalArgumentException("weight must be >= 0: " + weight);
        }
        if (!children.isEmpty() && children.stream().allMatch(c -> c.weight() == 0)) {
            throw new IllegalArgumentException("children weights must not all be zero: " + name);
        }
    }

    /** A leaf. */
    public static TargetNode leaf(String name, long weight) {
        return new TargetNode(name, weight, List.of());
    }

    /** An inner node. */
    public static TargetNode of(String name, long weight, TargetNode... children) {
        return new TargetNode(name, weight, List.of(children));
    }
}
