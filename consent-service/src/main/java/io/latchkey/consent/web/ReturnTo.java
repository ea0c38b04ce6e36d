package io.latchkey.consent.web;

/** Where to send the browser after sign-in. */
public final class ReturnTo {

    private static final int MAX_LENGTH = 2048;

    private ReturnTo() {
    }

    /** True when {@code path} is short enough to be carried through sign-in (the Location stays a few KiB). */
    public static boolean fits(String path) {
        return path.length() <= MAX_LENGTH;
    }

    /**
     * RFC 9700 §4.11: no open redirector. Only a relative path starting with a single "/" is accepted: not "//host"
     * (protocol-relative), no backslash (browsers read "/\host" as "//host"), no scheme, no control characters or
     * whitespace (browsers drop tabs and newlines, so "/\t/host" would become "//host"). Anything else goes to "/".
     */
    public static String safe(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH
                || candidate.charAt(0) != '/' || candidate.startsWith("//")) {
            return "/";
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c == '\\' || c <= 0x20 || c == 0x7f || !isAscii(c)) {
                return "/";
            }
        }
        return candidate;
    }

    private static boolean isAscii(char c) {
        return c < 0x80;
    }
}
