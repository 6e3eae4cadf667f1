package dev.siyu.core.points;

/**
 * The running sums of an account's ledger entries, by kind, in points. The signed sum
 * {@link #net()} always equals {@link PointsAccount#balance()} (conservation). Immutable.
 *
 * @param earned points credited by earns (before debt repayment)
 * @param returned points that paid for refunded lines, credited back
 * @param redeemed points spent, as payment or for rewards
 * @param reversed points taken back by refunds (the part recorded as debt under CLAMP excluded)
 * @param expired points removed by expiry
 * @param debtRepaid credits used to repay CLAMP debt
 */
public record PointsTotals(long earned, long returned, long redeemed, long reversed, long expired, long debtRepaid) {

    /** The empty ledger. */
    public static PointsTotals zero() {
        return new PointsTotals(0, 0, 0, 0, 0, 0);
    }

    /** {@code earned + returned - redeemed - reversed - expired - debtRepaid}. */
    public long net() {
        return earned + returned - redeemed - reversed - expired - debtRepaid;
    }
}
