package dev.siyu.attribution.binding;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How customers bind to guides: the mode, the protection period (保护期, during which no other
 * guide can take the customer by a touch), the validity (有效期, after which an untouched binding
 * lapses; empty = permanent) and what a binding is exclusive in (store or brand). A touch by the
 * guide who already holds the customer renews protection and validity from the touch.
 *
 * <p>Immutable and thread-safe. Build with {@link #builder()}; {@link #ofDefaults()} is first-add,
 * 30 days' protection, permanent, per store.
 *
 * @param mode which touches bind
 * @param protection the protection period, {@code >= 0}
 * @param validity the validity, positive, or empty for permanent
 * @param scopeKind per store or per brand
 * @param onDutyTakeover how long an on-duty transfer waits before the taker takes over (WeCom: 24 h)
 * @param onDutyLimit how many on-duty transfers a customer may undergo within {@code onDutyWindow} (WeCom: 2)
 * @param onDutyWindow the window of that limit (WeCom: 90 days)
 */
public record BindingPolicy(BindingMode mode, Duration protection, Optional<Duration> validity,
        BindingScope.Kind scopeKind, Duration onDutyTakeover, int onDutyLimit, Duration onDutyWindow) {

    /** @throws IllegalArgumentException if a duration or the limit is out of range */
    public BindingPolicy {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(protection, "protection");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(scopeKind, "scopeKind");
        Objects.requireNonNull(onDutyTakeover, "onDutyTakeover");
        Objects.requireNonNull(onDutyWindow, "onDutyWindow");
        if (protection.isNegative()) {
            throw new IllegalArgumentException("protection must be >= 0: " + protection);
        }
        validity.ifPresent(v -> {
            if (v.isNegative() || v.isZero()) {
                throw new IllegalArgumentException("validity must be > 0: " + v);
            }
            if (v.compareTo(protection) < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "validity must be >= protection %s: %s", protection, v));
            }
        });
        if (onDutyTakeover.isNegative()) {
            throw new IllegalArgumentException("onDutyTakeover must be >= 0: " + onDutyTakeover);
        }
        if (onDutyLimit < 1) {
            throw new IllegalArgumentException("onDutyLimit must be >= 1: " + onDutyLimit);
        }
        if (onDutyWindow.isNegative() || onDutyWindow.isZero()) {
            throw new IllegalArgumentException("onDutyWindow must be > 0: " + onDutyWindow);
        }
    }

    /** First add, 30 days' protection, permanent, per store, WeCom's on-duty limits. */
    public static BindingPolicy ofDefaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses a binding policy document, e.g. {@code {"schemaVersion": 1, "mode": "last-touch",
     * "protectionDays": 15, "validityDays": 90, "exclusivePer": "store", "onDuty": {"takeoverHours":
     * 24, "limit": 2, "windowDays": 90}}}; absent fields take the defaults, absent validity is permanent.
     *
     * @throws dev.siyu.core.json.ConfigException naming the pointer of the first problem
     */
    public static BindingPolicy fromJson(String json) {
        return BindingJson.parse(json);
    }

    /** Collects a policy; not thread-safe. */
    public static final class Builder {
        private BindingMode mode = BindingMode.FIRST_ADD;
        private Duration protection = Duration.ofDays(30);
        private Optional<Duration> validity = Optional.empty();
        private BindingScope.Kind scopeKind = BindingScope.Kind.STORE;
        private Duration onDutyTakeover = Duration.ofHours(24);
        private int onDutyLimit = 2;
        private Duration onDutyWindow = Duration.ofDays(90);

        private Builder() {
        }

        public Builder mode(BindingMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        public Builder protection(Duration protection) {
            this.protection = Objects.requireNonNull(protection, "protection");
            return this;
        }

        /** A binding lapses {@code validity} after it was made or last renewed. */
        public Builder validity(Duration validity) {
            this.validity = Optional.of(validity);
            return this;
        }

        /** Bindings never lapse (the default). */
        public Builder permanent() {
            this.validity = Optional.empty();
            return this;
        }

        public Builder exclusivePer(BindingScope.Kind scopeKind) {
            this.scopeKind = Objects.requireNonNull(scopeKind, "scopeKind");
            return this;
        }

        public Builder onDutyLimits(Duration takeover, int limit, Duration window) {
            this.onDutyTakeover = takeover;
            this.onDutyLimit = limit;
            this.onDutyWindow = window;
            return this;
        }

        /** @throws IllegalArgumentException if a value is out of range */
        public BindingPolicy build() {
            return new BindingPolicy(mode, protection, validity, scopeKind, onDutyTakeover, onDutyLimit, onDutyWindow);
        }
    }
}
