package io.latchkey.device.device;

import java.security.SecureRandom;

import jakarta.enterprise.context.ApplicationScoped;

/** Issues the short code a person types in the browser (RFC 8628 §6.1). */
@ApplicationScoped
public class UserCodeGenerator {

    private static final String ALPHABET = io.latchkey.common.UserCodes.ALPHABET;
    private static final int LENGTH = io.latchkey.common.UserCodes.LENGTH;

    private final SecureRandom random = new SecureRandom();

    /** Bytes at or above this are rejected, so every letter is equally likely (256 is not a multiple of 20). */
    private static final int LIMIT = 256 - 256 % ALPHABET.length();

    /**
     * A fresh code in canonical form, e.g. {@code BCDFGHJK} (about 34.5 bits of entropy). RFC 8628 §6.1: each letter
     * uniform over the alphabet (rejection sampling), drawn from one call to the CSPRNG instead of one per letter.
     */
    public String generate() {
        char[] code = new char[LENGTH];
        byte[] bytes = new byte[2 * LENGTH];
        int used = bytes.length;
        for (int i = 0; i < LENGTH; ) {
            if (used == bytes.length) {
                random.nextBytes(bytes);
                used = 0;
            }
            int b = bytes[used++] & 0xff;
            if (b < LIMIT) {
                code[i++] = ALPHABET.charAt(b % ALPHABET.length());
            }
        }
        return new String(code);
    }
}
