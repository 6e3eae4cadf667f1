package dev.siyu.tagging.contact;

import java.util.Objects;
import java.util.regex.Pattern;

/** A channel a campaign reaches members through, e.g. {@code sms}, {@code wecom}, {@code subscription}. */
public record Channel(String code) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** @throws IllegalArgumentException unless lower-case kebab text of at most 32 chars */
    public Channel {
        Objects.requireNonNull(code, "code");
        if (code.length() > 32 || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("channel must be lower-case kebab text: " + code);
        }
    }

    public static Channel of(String code) {
        return new Channel(code);
    }
}
