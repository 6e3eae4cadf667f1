package dev.siyu.attribution.commission;

import dev.siyu.attribution.credit.GuideRole;
import dev.siyu.core.id.GuideId;
import dev.siyu.core.money.Money;
import java.util.Objects;

/**
 * One recipient's part of a line's commission, as it stands after the refunds so far.
 *
 * @param guide the recipient
 * @param level 1 for a credited guide, 2 for that guide's direct upline
 * @param role the role the level-1 guide was credited in
 * @param creditWeight the level-1 guide's credit weight on the line (splits the sales base)
 * @param levelShare the plan's level share this recipient takes (both levels' shares when there is no upline)
 * @param amount the commission, after refunds so far
 * @param salesBase the part of the line's remaining net credited to this guide (level 1 only; zero at level 2), for monthly tiers and KPIs
 */
public record Share(GuideId guide, int level, GuideRole role, long creditWeight, long levelShare, Money amount, Money salesBase) {
    public Share {
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(salesBase, "salesBase");
        if (level != 1 && level != 2) {
            throw new IllegalArgumentException("level must be 1 or 2: " + level);
        }
        if (creditWeight <= 0 || levelShare <= 0) {
            throw new IllegalArgumentException("creditWeight and levelShare must be > 0: " + creditWeight + ", " + levelShare);
        }
    }

    /** The recipient's weight in the split of the line's commission: credit weight × level share. */
    public long weight() {
        return Math.multiplyExact(creditWeight, levelShare);
    }
}
