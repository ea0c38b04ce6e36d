package io.latchkey.token.refresh;

/** Cheap structural checks that spare PostgreSQL lookups for values that cannot be refresh tokens. */
public final class RefreshTokenFormat {

    private RefreshTokenFormat() {
    }

    /** Refresh tokens are 43 base64url characters; JWTs have dots. Anything else is never in the table. */
    public static boolean plausible(String token) {
        if (token == null || token.isEmpty() || token.length() > 256) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
