package io.latchkey.device.device;

import java.security.SecureRandom;

import jakarta.enterprise.context.ApplicationScoped;

/** Issues the short code a person types in the browser (RFC 8628 §6.1). */
@ApplicationScoped
public class UserCodes {

    public static final String ALPHABET = io.latchkey.common.UserCodes.ALPHABET;
    public static final int LENGTH = io.latchkey.common.UserCodes.LENGTH;

    private final SecureRandom random = new SecureRandom();

    /** A fresh code in canonical form, e.g. {@code BCDFGHJK} (about 34.5 bits of entropy). */
    public String generate() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** RFC 8628 §6.1 normalisation, shared with consent-service: see {@link io.latchkey.common.UserCodes}. */
    public static String normalize(String typed) {
        return io.latchkey.common.UserCodes.normalize(typed);
    }

    public static String display(String canonical) {
        return io.latchkey.common.UserCodes.display(canonical);
    }
}
