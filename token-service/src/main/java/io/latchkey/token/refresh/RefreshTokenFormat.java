package io.latchkey.token.refresh;

import io.latchkey.common.crypto.Secrets;

/** Cheap structural checks that spare PostgreSQL lookups for values that cannot be refresh tokens. */
public final class RefreshTokenFormat {

    private RefreshTokenFormat() {
    }

    /** Refresh tokens are 43 base64url characters; JWTs have dots. Anything else is never in the table. */
    public static boolean plausible(String token) {
        return token != null && token.length() <= 256 && Secrets.isBase64Url(token);
    }
}
