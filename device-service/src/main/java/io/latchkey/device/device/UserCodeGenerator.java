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

    /** Random bytes {@link #generate(byte[])} reads: two per letter, so a rejected byte almost never runs it out. */
    public static final int RANDOM_BYTES = 2 * LENGTH;

    /**
     * A fresh code in canonical form, e.g. {@code BCDFGHJK} (about 34.5 bits of entropy). RFC 8628 §6.1: each letter
     * uniform over the alphabet (rejection sampling), drawn from one call to the CSPRNG instead of one per letter.
     */
    public String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return generate(bytes);
    }

    /**
     * The code read from the first {@link #RANDOM_BYTES} of {@code drawn} (fresh CSPRNG output the caller drew along
     * with other secrets, so one authorization costs one CSPRNG call); should rejection sampling use them all up, more
     * come from this generator's own CSPRNG.
     */
    public String generate(byte[] drawn) {
        char[] code = new char[LENGTH];
        byte[] bytes = drawn;
        int used = 0;
        int end = RANDOM_BYTES;
        for (int i = 0; i < LENGTH; ) {
            if (used == end) {
                bytes = new byte[RANDOM_BYTES];
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
