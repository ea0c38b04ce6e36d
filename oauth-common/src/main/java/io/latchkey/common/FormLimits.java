package io.latchkey.common;

import java.util.Map;

/**
 * The limits {@link FormDecoder} applies to every form body and query string Latchkey reads. Documented in the
 * README (Configuration, "Request limits"); the body size itself is capped by {@code quarkus.http.limits.max-body-size}.
 */
public final class FormLimits {

    /** No Latchkey form has more than a dozen fields; 64 leaves room for clients that send extras. */
    public static final int MAX_PARAMETERS = 64;
    /** Our own parameter names are at most 21 characters ({@code code_challenge_method}). */
    public static final int MAX_NAME_LENGTH = 64;
    /** Decoded characters of one value: 2 KiB covers redirect URIs, JWT access tokens, refresh tokens and scopes. */
    public static final int MAX_VALUE_LENGTH = 2048;
    /**
     * RFC 6749 §4.1.2: {@code state} is echoed into the redirect Location (and the sign-in return path), so it is
     * held well below a proxy's 8 KiB header limit even when every character needs percent-encoding (3x).
     */
    public static final int MAX_STATE_LENGTH = 512;
    /** The body limit services configure ({@code quarkus.http.limits.max-body-size=32K}); bigger bodies get 413. */
    public static final int MAX_BODY_BYTES = 32 * 1024;

    /** Fields whose limit differs from {@link #MAX_VALUE_LENGTH}; no field may be longer. */
    private static final Map<String, Integer> SHORTER = Map.of(OAuthParams.STATE, MAX_STATE_LENGTH);

    private FormLimits() {
    }

    /** The longest decoded value accepted for {@code name}. */
    public static int maxValueLength(String name) {
        return SHORTER.getOrDefault(name, MAX_VALUE_LENGTH);
    }
}
