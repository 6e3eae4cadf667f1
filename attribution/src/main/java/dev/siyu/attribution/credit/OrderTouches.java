package dev.siyu.attribution.credit;

import dev.siyu.core.id.GuideId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the host knows about guides on one order besides the customer's bindings.
 *
 * @param saleGuide the guide at the till, for every line without its own
 * @param saleGuideByLine the guide at the till per line number, for multi-counter orders (连单)
 * @param sharer the guide whose shared link or code the order came from
 * @param sharedAt when that link was opened (the order counts for the sharer within the policy's window)
 * @param cardOpener the guide who opened the customer's card
 */
public record OrderTouches(Optional<GuideId> saleGuide, Map<Integer, GuideId> saleGuideByLine,
        Optional<GuideId> sharer, Optional<Instant> sharedAt, Optional<GuideId> cardOpener) {

    /** @throws IllegalArgumentException if a sharer is given without the time of sharing */
    public OrderTouches {
        Objects.requireNonNull(saleGuide, "saleGuide");
        saleGuideByLine = Map.copyOf(saleGuideByLine);
        Objects.requireNonNull(sharer, "sharer");
        Objects.requireNonNull(sharedAt, "sharedAt");
        Objects.requireNonNull(cardOpener, "cardOpener");
        if (sharer.isPresent() != sharedAt.isPresent()) {
            throw new IllegalArgumentException("sharedAt must be given exactly when sharer is: " + sharedAt);
        }
    }

    /** No guide but the bound ones. */
    public static OrderTouches none() {
        return new OrderTouches(Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** These touches with {@code guide} at the till. */
    public OrderTouches withSaleGuide(GuideId guide) {
        return new OrderTouches(Optional.of(guide), saleGuideByLine, sharer, sharedAt, cardOpener);
    }

    /** These touches with {@code guide}'s link opened at {@code at}. */
    public OrderTouches withSharer(GuideId guide, Instant at) {
        return new OrderTouches(saleGuide, saleGuideByLine, Optional.of(guide), Optional.of(at), cardOpener);
    }

    /** These touches with {@code guide} as the card-opening guide. */
    public OrderTouches withCardOpener(GuideId guide) {
        return new OrderTouches(saleGuide, saleGuideByLine, sharer, sharedAt, Optional.of(guide));
    }

    /** The sale guide of line {@code lineNo}. */
    public Optional<GuideId> saleGuideOf(int lineNo) {
        GuideId own = saleGuideByLine.get(lineNo);
        return own != null ? Optional.of(own) : saleGuide;
    }
}
