package io.latchkey.device.device;

import java.security.SecureRandom;

import jakarta.enterprise.context.ApplicationScoped;

/** Issues the short code a person types in the browser (RFC 8628 §6.1). */
@ApplicationScoped
public class UserCodeGenerator {

    private static final String ALPHABET = io.latchkey.common.UserCodes.ALPHABET;
    private static final int LENGTH = io.latchkey.common.UserCodes.LENGTH;

    private final SecureRandom random = new SecureRandom();

    /** A fresh code in canonical form, e.g. {@code BCDFGHJK} (about 34.5 bits of entropy). */
    public String generate() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }
}
