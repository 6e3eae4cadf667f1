package dev.siyu.core.member;

/**
 * What a member agreed to (PIPL). Targeting reads these flags: a member who refused personalized
 * marketing is never put in a targeted audience.
 *
 * @param marketingMessages may receive marketing messages at all (SMS, WeCom, subscriptions)
 * @param personalizedMarketing may be selected by profile, tags or behaviour (PIPL art. 24)
 */
public record Consent(boolean marketingMessages, boolean personalizedMarketing) {

    /** Consent to everything. */
    public static Consent all() {
        return new Consent(true, true);
    }

    /** Consent to nothing: service messages only. */
    public static Consent none() {
        return new Consent(false, false);
    }
}
