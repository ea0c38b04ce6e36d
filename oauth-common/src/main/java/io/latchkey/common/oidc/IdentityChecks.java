package io.latchkey.common.oidc;

import io.latchkey.common.error.OAuthError;

/** Bounds on what a sign-in may carry: consent-service applies them to the request, token-service again on receipt. */
public final class IdentityChecks {

    /** OIDC Core §3.1.2.1 leaves nonce length open; Latchkey bounds it like state so it fits a redirect and a token. */
    public static final int MAX_NONCE_LENGTH = 512;
    /** A claim value (name, username, email) longer than this is not Latchkey's. */
    private static final int MAX_CLAIM_LENGTH = 512;

    private IdentityChecks() {
    }

    /** The nonce is printable and bounded; null when acceptable (or absent), else the problem. */
    public static String nonceProblem(String nonce) {
        if (nonce == null) {
            return null;
        }
        if (nonce.length() > MAX_NONCE_LENGTH) {
            return "nonce is longer than " + MAX_NONCE_LENGTH + " characters.";
        }
        for (int i = 0; i < nonce.length(); i++) {
            char c = nonce.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "nonce contains control characters.";
            }
        }
        return null;
    }

    /** {@code who} as received on an internal route: null stays null; anything malformed is invalid_request. */
    public static Identity checked(Identity who) {
        if (who == null) {
            return null;
        }
        String problem = nonceProblem(who.nonce());
        if (problem == null && (who.authTime() <= 0 || tooLong(who.name()) || tooLong(who.preferredUsername())
                || tooLong(who.email()))) {
            problem = "identity needs a positive auth_time and bounded claims.";
        }
        if (problem != null) {
            throw OAuthError.INVALID_REQUEST.with(problem);
        }
        return who;
    }

    private static boolean tooLong(String s) {
        return s != null && s.length() > MAX_CLAIM_LENGTH;
    }
}
