package io.latchkey.device.device;

import java.security.SecureRandom;

import jakarta.enterprise.context.ApplicationScoped;

/** The short code a person types in the browser (RFC 8628 §6.1). */
@ApplicationScoped
public class UserCodes {

    // RFC 8628 §6.1: base-20 alphabet without vowels or look-alike characters
    public static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
    public static final int LENGTH = 8;

    private final SecureRandom random = new SecureRandom();

    /** A fresh code in canonical form, e.g. {@code BCDFGHJK} (about 34.5 bits of entropy). */
    public String generate() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /**
     * The canonical form of what a person typed, or {@code null} when it cannot be a user code.
     * RFC 8628 §6.1: case-insensitive, dashes and whitespace ignored.
     */
    public static String normalize(String typed) {
        if (typed == null || typed.length() > 64) {
            return null;
        }
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c == '-' || Character.isWhitespace(c)) {
                continue;
            }
            char upper = Character.toUpperCase(c);
            if (ALPHABET.indexOf(upper) < 0) {
                return null;
            }
            sb.append(upper);
        }
        return sb.length() == LENGTH ? sb.toString() : null;
    }

    /** How the code is shown to people: {@code XXXX-XXXX}. */
    public static String display(String canonical) {
        return canonical.substring(0, 4) + "-" + canonical.substring(4);
    }
}
