package io.latchkey.device.device;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import io.latchkey.common.crypto.Secrets;

/**
 * The secret the device polls with: the locator of its record (the first {@link #LOCATOR_LENGTH} characters of the
 * user code's HMAC, so one Redis key serves both codes) followed by 256 random bits. Only the SHA-256 of the whole
 * code is stored; the locator alone names a record but does not open it.
 */
@ApplicationScoped
public class DeviceCodes {

    /** Characters of the user code's base64url HMAC that name the record (90 bits, far above the user code's 34.5). */
    public static final int LOCATOR_LENGTH = 15;
    // RFC 8628 §5.2: very high entropy (256 bits) so the device code cannot be guessed
    static final int SECRET_BYTES = 32;
    private static final int SECRET_LENGTH = 43;
    /** Every device code this service issues has exactly this length. */
    public static final int LENGTH = LOCATOR_LENGTH + SECRET_LENGTH;

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();

    /** A fresh device code for the authorization whose user code has this HMAC ({@link UserCodeHasher#hash}). */
    public String generate(String userCodeHash) {
        return generate(userCodeHash, random(0));
    }

    /**
     * {@code before} fresh random bytes for the caller (the user code's), then this code's secret: what one
     * authorization needs, from one CSPRNG call.
     */
    public byte[] random(int before) {
        byte[] bytes = new byte[before + SECRET_BYTES];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The device code whose secret is the last {@value #SECRET_BYTES} bytes of {@code drawn} ({@link #random}). */
    public String generate(String userCodeHash, byte[] drawn) {
        byte[] secret = java.util.Arrays.copyOfRange(drawn, drawn.length - SECRET_BYTES, drawn.length);
        return locator(userCodeHash) + B64.encodeToString(secret);
    }

    /** The record locator of a user code, from its HMAC. */
    public static String locator(String userCodeHash) {
        return userCodeHash.substring(0, LOCATOR_LENGTH);
    }

    /** How the store addresses a device code, or {@code null} when it cannot be one this service issued. */
    public static CodeKeys keysOf(String deviceCode) {
        if (deviceCode == null || deviceCode.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = deviceCode.charAt(i);
            boolean b64url = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!b64url) {
                return null;
            }
        }
        return new CodeKeys(deviceCode.substring(0, LOCATOR_LENGTH), Secrets.sha256(deviceCode.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }
}
