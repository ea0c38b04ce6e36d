package io.latchkey.consent.device;

import java.util.Locale;
import java.util.regex.Pattern;

/** User codes as people type them. */
public final class UserCodes {

    private static final Pattern SHAPE = Pattern.compile("[A-Z0-9]{4,16}");

    private UserCodes() {
    }

    /**
     * RFC 8628 §6.1: compare case-insensitively and ignore dashes and whitespace. Returns the canonical
     * code (upper case, no separators) or null when what remains cannot be a user code.
     */
    public static String normalise(String typed) {
        if (typed == null || typed.length() > 64) {
            return null;
        }
        StringBuilder sb = new StringBuilder(typed.length());
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c == '-' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            sb.append(c);
        }
        String code = sb.toString().toUpperCase(Locale.ROOT);
        return SHAPE.matcher(code).matches() ? code : null;
    }

    /** For display: {@code BCDFGHJK} → {@code BCDF-GHJK}. */
    public static String display(String canonical) {
        if (canonical == null || canonical.length() != 8) {
            return canonical;
        }
        return canonical.substring(0, 4) + "-" + canonical.substring(4);
    }
}
