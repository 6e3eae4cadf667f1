package dev.siyu.attribution.target;

import dev.siyu.core.money.Allocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A target split down an organisation: every node's amount is split among its children in
 * proportion to their weights by largest remainder ({@link Allocation}), so children always sum
 * exactly to their parent. Amounts are integer units chosen by the caller (fen of GMV, customers
 * added …). Immutable.
 *
 * @param name the node's name
 * @param amount the node's target
 * @param children the children's targets
 */
public record Target(String name, long amount, List<Target> children) {
    public Target {
        Objects.requireNonNull(name, "name");
        children = List.copyOf(children);
    }

    /** Splits {@code amount} down {@code root}. */
    public static Target split(long amount, TargetNode root) {
        Objects.requireNonNull(root, "root");
        if (root.children().isEmpty()) {
            return new Target(root.name(), amount, List.of());
        }
        long[] weights = root.children().stream().mapToLong(TargetNode::weight).toArray();
        long[] shares = Allocation.byLargestRemainder(amount, weights);
        List<Target> children = new ArrayList<>(shares.length);
        for (int i = 0; i < shares.length; i++) {
            children.add(split(shares[i], root.children().get(i)));
        }
        return new Target(root.name(), amount, children);
    }

    /** The target of the node named {@code name} anywhere below (or at) this one. */
    public Optional<Target> find(String name) {
        if (this.name.equals(name)) {
            return Optional.of(this);
        }
        for (Target child : children) {
            Optional<Target> found = child.find(name);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
