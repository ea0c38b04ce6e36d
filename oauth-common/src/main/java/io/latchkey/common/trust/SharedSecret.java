package io.latchkey.common.trust;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/** A configured secret and the one way to compare a presented value with it: constant time, fail closed. */
public final class SharedSecret {

    private final byte[] value;

    private SharedSecret(byte[] value) {
        this.value = value;
    }

    /** An unset or blank secret matches nothing. */
    public static SharedSecret of(Optional<String> configured) {
        return new SharedSecret(configured.filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8)).orElse(null));
    }

    public static SharedSecret of(String configured) {
        return of(Optional.ofNullable(configured));
    }

    /** True only when a secret is configured and {@code presented} equals it (compared in constant time). */
    public boolean matches(String presented) {
        return value != null && presented != null
                && MessageDigest.isEqual(value, presented.getBytes(StandardCharsets.UTF_8));
    }

    /** A header sent once with the secret as its value; a repeated header proves nothing. */
    public boolean matchesSingle(List<String> headerValues) {
        return headerValues != null && headerValues.size() == 1 && matches(headerValues.get(0));
    }
}
