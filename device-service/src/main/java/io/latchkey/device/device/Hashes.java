package io.latchkey.device.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** SHA-256 fingerprints: how codes and secrets are referred to once they leave the request. */
public final class Hashes {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Hashes() {
    }

    /** Base64url (unpadded) SHA-256 of the UTF-8 bytes of {@code value}. */
    public static String sha256(String value) {
        return B64.encodeToString(digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Compares two secrets in time independent of where they differ (and of their lengths). */
    public static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(digest(a.getBytes(StandardCharsets.UTF_8)),
                digest(b.getBytes(StandardCharsets.UTF_8)));
    }
}
