package dev.siyu.testkit.member;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.StoreId;
import dev.siyu.core.member.AcquisitionChannel;
import dev.siyu.core.member.Consent;
import dev.siyu.core.member.Location;
import dev.siyu.core.member.MemberProfile;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Member profiles as functions of a seeded {@link RandomGenerator}. */
public final class MemberGenerators {

    private static final AcquisitionChannel[] CHANNELS = {AcquisitionChannel.GUIDE_CARD,
            AcquisitionChannel.ELEVATOR_STICKER, AcquisitionChannel.COUNTER_TAG, AcquisitionChannel.BANNER,
            AcquisitionChannel.PRIZE_DESK, AcquisitionChannel.OFFICIAL_ACCOUNT, AcquisitionChannel.MINI_PROGRAM,
            AcquisitionChannel.VIDEO_CHANNEL, AcquisitionChannel.SMS, AcquisitionChannel.STORE_TILL};
    private static final Location[] LOCATIONS = {new Location("沈阳", "东北"), new Location("大连", "东北"),
            new Location("深圳", "华南"), new Location("广州", "华南"), new Location("上海", "华东"),
            new Location("南京", "华东"), new Location("济南", "华北"), new Location("成都", "西南")};

    /** Home stores drawn from (the same ids "S0".."S2" as before, made once). */
    private static final Optional<StoreId>[] HOMES = homes();

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<StoreId>[] homes() {
        Optional<StoreId>[] homes = new Optional[3];
        for (int i = 0; i < homes.length; i++) {
            homes[i] = Optional.of(StoreId.of("S" + i));
        }
        return homes;
    }

    private MemberGenerators() {
    }

    /**
     * A member who joined within the {@code joinWindowDays} days before {@code latestJoin}: a
     * random channel, a birthday 80% of the time, a home store and city most of the time, and
     * consent flags in every combination.
     */
    public static MemberProfile profile(RandomGenerator random, MemberId id, LocalDate latestJoin, int joinWindowDays) {
        LocalDate joined = latestJoin.minusDays(random.nextInt(Math.max(1, joinWindowDays)));
        Optional<MonthDay> birthday = random.nextInt(5) == 0 ? Optional.empty()
                : Optional.of(MonthDay.from(LocalDate.ofYearDay(2024, 1 + random.nextInt(366))));
        Optional<StoreId> home = random.nextInt(4) == 0 ? Optional.empty() : HOMES[random.nextInt(3)];
        Optional<Location> location = random.nextInt(6) == 0 ? Optional.empty()
                : Optional.of(LOCATIONS[random.nextInt(LOCATIONS.length)]);
        Consent consent = new Consent(random.nextInt(5) != 0, random.nextInt(3) != 0);
        return new MemberProfile(id, joined, CHANNELS[random.nextInt(CHANNELS.length)], birthday, home, location, consent);
    }
}
