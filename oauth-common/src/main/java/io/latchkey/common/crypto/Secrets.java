package io.latchkey.common.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets (codes, tokens, session ids, client secrets) and their SHA-256 fingerprints, for every service:
 * stores key on the hash of a secret, never on the secret, and secrets are compared only in constant time.
 */
public final class Secrets {

    /** 32 random bytes: 256 bits, 43 base64url characters. */
    public static final int TOKEN_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    /** Never updated, only cloned: a clone skips the provider lookup of getInstance on every hot-path hash. */
    private static final MessageDigest SHA256 = sha256Prototype();

    private Secrets() {
    }

    /** A URL-safe (base64url, unpadded) random string with {@code bytes * 8} bits of entropy from a CSPRNG. */
    public static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return B64URL.encodeToString(b);
    }

    /** {@link #random} with {@link #TOKEN_BYTES}: session ids, CSRF tokens, refresh tokens, codes. */
    public static String random256() {
        return random(TOKEN_BYTES);
    }

    /** True when the value has the shape of a {@link #random256()} token (rejects junk before touching a store). */
    public static boolean isRandom256(String token) {
        return token != null && token.length() == 43 && isBase64Url(token);
    }

    /** True when every character is of the base64url alphabet (RFC 4648 §5), unpadded; false for null or empty. */
    public static boolean isBase64Url(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    public static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    /** SHA-256 of the UTF-8 bytes of {@code value}. */
    public static byte[] sha256(String value) {
        return sha256(value.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #sha256(String)} in base64url without padding. */
    public static String sha256Base64Url(String value) {
        return B64URL.encodeToString(sha256(value));
    }

    /** {@link #sha256(String)} in lower-case hex. */
    public static String sha256Hex(String value) {
        return HexFormat.of().formatHex(sha256(value));
    }

    /** Whether {@code presented} hashes to {@code expectedHash}, in constant time; false when either is missing. */
    public static boolean matches(String presented, byte[] expectedHash) {
        return presented != null && expectedHash != null && MessageDigest.isEqual(sha256(presented), expectedHash);
    }

    /** Constant-time comparison of two secrets; false when either side is missing or empty. */
    public static boolean same(String a, String b) {
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest digest() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            return sha256Prototype();
        }
    }

    private static MessageDigest sha256Prototype() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
