package dev.siyu.core.member;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a member was acquired, as a code in lower-case kebab form. The constants are the channels
 * the seed programs use (Maoye's WeCom acquisition list); hosts add their own with {@link #of}.
 *
 * @param code e.g. {@code guide-card}
 */
public record AcquisitionChannel(String code) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public static final AcquisitionChannel GUIDE_CARD = new AcquisitionChannel("guide-card");
    public static final AcquisitionChannel ELEVATOR_STICKER = new AcquisitionChannel("elevator-sticker");
    public static final AcquisitionChannel COUNTER_TAG = new AcquisitionChannel("counter-tag");
    public static final AcquisitionChannel BANNER = new AcquisitionChannel("banner");
    public static final AcquisitionChannel PRIZE_DESK = new AcquisitionChannel("prize-desk");
    public static final AcquisitionChannel OFFICIAL_ACCOUNT = new AcquisitionChannel("official-account");
    public static final AcquisitionChannel MINI_PROGRAM = new AcquisitionChannel("mini-program");
    public static final AcquisitionChannel VIDEO_CHANNEL = new AcquisitionChannel("video-channel");
    public static final AcquisitionChannel SMS = new AcquisitionChannel("sms");
    public static final AcquisitionChannel STORE_TILL = new AcquisitionChannel("store-till");

    /** @throws IllegalArgumentException if the code is not lower-case kebab form */
    public AcquisitionChannel {
        Objects.requireNonNull(code, "code");
        if (code.length() > 64 || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("channel code must be lower-case kebab form: '" + code + "'");
        }
    }

    public static AcquisitionChannel of(String code) {
        return new AcquisitionChannel(code);
    }
}
