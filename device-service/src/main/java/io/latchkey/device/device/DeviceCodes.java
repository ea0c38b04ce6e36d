package io.latchkey.device.device;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

/** The secret the device polls with. */
@ApplicationScoped
public class DeviceCodes {

    // RFC 8628 §5.2: very high entropy (256 bits) so the device code cannot be guessed
    private static final int BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    public String generate() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
