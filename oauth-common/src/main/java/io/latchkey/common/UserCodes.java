package io.latchkey.common;

/**
 * The user code of RFC 8628 as people type and read it: one definition for device-service (which issues and
 * stores codes) and consent-service (which takes them from the verification page).
 */
public final class UserCodes {

    // RFC 8628 §6.1: base-20 alphabet without vowels or look-alike characters
    public static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
    public static final int LENGTH = 8;

    private UserCodes() {
    }

    /**
     * The canonical form of what a person typed ({@code BCDFGHJK}), or {@code null} when it cannot be a user code.
     * RFC 8628 §6.1: case-insensitive, dashes and whitespace ignored.
     */
    public static String normalize(String typed) {
        if (typed == null || typed.length() > 64) {
            return null;
        }
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c == '-' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
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

    /** How a canonical code is shown to people: {@code XXXX-XXXX}. */
    public static String display(String canonical) {
        return canonical == null || canonical.length() != LENGTH ? canonical
                : canonical.substring(0, 4) + "-" + canonical.substring(4);
    }
}
