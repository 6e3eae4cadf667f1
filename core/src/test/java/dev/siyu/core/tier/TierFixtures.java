package dev.siyu.core.tier;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.OperationId;
import dev.siyu.core.id.TierId;
import dev.siyu.core.member.AcquisitionChannel;
import dev.siyu.core.member.MemberProfile;
import dev.siyu.core.money.Money;
import dev.siyu.core.time.BusinessClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

/** A five-tier spend ladder in yuan and helpers to write dates and activity briefly. */
final class TierFixtures {

    static final TierId BASIC = TierId.of("BASIC");
    static final TierId SILVER = TierId.of("SILVER");
    static final TierId GOLD = TierId.of("GOLD");
    static final TierId PLATINUM = TierId.of("PLATINUM");
    static final TierId DIAMOND = TierId.of("DIAMOND");

    private static int sequence;

    private TierFixtures() {
    }

    /** 普卡 0, 银卡 1,000 (keep 800), 金卡 5,000 (keep 3,000), 白金卡 20,000 (keep 15,000), 钻石卡 50,000 (keep 40,000). */
    static TierProgram.Builder ladder(QualificationWindow window, Period grace, DowngradeRule rule) {
        return TierProgram.builder()
                .window(window)
                .grace(grace)
                .downgrade(rule)
                .spendTier(BASIC, "普卡", yuan(0), yuan(0), TierBenefits.none())
                .spendTier(SILVER, "银卡", yuan(1_000), yuan(800), TierBenefits.none())
                .spendTier(GOLD, "金卡", yuan(5_000), yuan(3_000), TierBenefits.none())
                .spendTier(PLATINUM, "白金卡", yuan(20_000), yuan(15_000), TierBenefits.none())
                .spendTier(DIAMOND, "钻石卡", yuan(50_000), yuan(40_000), TierBenefits.none());
    }

    static Money yuan(long yuan) {
        return Money.cnyMinor(yuan * 100);
    }

    /** Noon in Shanghai on {@code date}. */
    static Instant noon(String date) {
        return LocalDate.parse(date).atTime(12, 0).atZone(BusinessClock.SHANGHAI).toInstant();
    }

    static MemberProfile member(String joinedOn) {
        return MemberProfile.of(MemberId.of("M1"), LocalDate.parse(joinedOn), AcquisitionChannel.MINI_PROGRAM);
    }

    static QualifyingActivity order(String date, long yuan) {
        return QualifyingActivity.order(OperationId.of("order-" + (++sequence)), noon(date), yuan(yuan), yuan);
    }

    static QualifyingActivity refund(QualifyingActivity order, String date, long yuan) {
        return QualifyingActivity.refund(OperationId.of(order.operation().value() + ":refund-" + (++sequence)),
                order.countsAt(), noon(date), yuan(yuan), yuan, false);
    }

    static OperationId op(String text) {
        return OperationId.of(text);
    }
}
