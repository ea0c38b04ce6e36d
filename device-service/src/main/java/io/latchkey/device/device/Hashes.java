package io.latchkey.device.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** SHA-256 fingerprints: how codes and secrets are referred to once they leave the request. */
public final class Hashes {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    /** One digest per thread (event loops reuse theirs on every poll); digest() resets it. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    });

    private Hashes() {
    }

    /** Base64url (unpadded) SHA-256 of the UTF-8 bytes of {@code value}. */
    public static String sha256(String value) {
        return B64.encodeToString(digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] digest(byte[] bytes) {
        return SHA256.get().digest(bytes);
    }
}
