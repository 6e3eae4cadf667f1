package dev.siyu.core.member;

import dev.siyu.core.id.MemberId;
import dev.siyu.core.id.StoreId;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;
import java.util.Optional;

/**
 * What the program knows about a member beyond their orders. The birthday carries no year: the
 * program needs the month and day for birthday gifts and multipliers, not the age.
 *
 * @param id the member
 * @param joinedOn the business date the member joined
 * @param channel how the member was acquired
 * @param birthday month and day of birth, if given
 * @param homeStore the store the member belongs to, if any
 * @param location city and region, if known
 * @param consent what the member agreed to
 */
public record MemberProfile(MemberId id, LocalDate joinedOn, AcquisitionChannel channel,
        Optional<MonthDay> birthday, Optional<StoreId> homeStore, Optional<Location> location, Consent consent) {

    public MemberProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(joinedOn, "joinedOn");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(birthday, "birthday");
        Objects.requireNonNull(homeStore, "homeStore");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(consent, "consent");
    }

    /** A member who joined on {@code joinedOn} through {@code channel}, with nothing else known and no consent. */
    public static MemberProfile of(MemberId id, LocalDate joinedOn, AcquisitionChannel channel) {
        return new MemberProfile(id, joinedOn, channel, Optional.empty(), Optional.empty(), Optional.empty(),
                Consent.none());
    }

    public MemberProfile withBirthday(MonthDay birthday) {
        return new MemberProfile(id, joinedOn, channel, Optional.of(birthday), homeStore, location, consent);
    }

    public MemberProfile withHomeStore(StoreId store) {
        return new MemberProfile(id, joinedOn, channel, birthday, Optional.of(store), location, consent);
    }

    public MemberProfile withLocation(Location location) {
        return new MemberProfile(id, joinedOn, channel, birthday, homeStore, Optional.of(location), consent);
    }

    public MemberProfile withConsent(Consent consent) {
        return new MemberProfile(id, joinedOn, channel, birthday, homeStore, location, consent);
    }

    /** Whether {@code date} falls in the member's birthday month (false when no birthday is known). */
    public boolean isBirthdayMonth(LocalDate date) {
        return birthday.map(b -> b.getMonth() == date.getMonth()).orElse(false);
    }
}
