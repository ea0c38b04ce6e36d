package io.latchkey.token.code;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;

import io.latchkey.common.error.OAuthError;
import io.latchkey.token.client.Secrets;

/** RFC 7636 Proof Key for Code Exchange, S256 only (RFC 9700 §2.1.1). */
public final class Pkce {

    public static final String S256 = "S256";

    /** RFC 7636 §4.1: code-verifier = 43*128unreserved. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");
    /** RFC 7636 §4.2: an S256 challenge is BASE64URL(SHA-256(verifier)) without padding: 43 characters. */
    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Pkce() {
    }

    /** Checks the challenge side at issue time. */
    public static void checkChallenge(String challenge, String method, boolean publicClient) {
        if (challenge == null || challenge.isEmpty()) {
            // RFC 9700 §2.1.1: public clients MUST use PKCE
            if (publicClient) {
                throw OAuthError.INVALID_REQUEST.with("Public clients must send a PKCE code_challenge (S256).");
            }
            if (method != null && !method.isEmpty()) {
                throw OAuthError.INVALID_REQUEST.with("code_challenge_method without code_challenge.");
            }
            return;
        }
        // RFC 9700 §2.1.1: S256 only (RFC 7636 §4.3: a missing method would mean "plain")
        if (!S256.equals(method)) {
            throw OAuthError.INVALID_REQUEST.with("code_challenge_method must be S256.");
        }
        if (!S256_CHALLENGE.matcher(challenge).matches()) {
            throw OAuthError.INVALID_REQUEST.with("Malformed code_challenge.");
        }
    }

    /** Checks the verifier a token request presents against the challenge bound to the code (null when none). */
    public static void verify(String challenge, String verifier) {
        if (challenge == null) {
            // RFC 9700 §4.8: a verifier for a code issued without a challenge is a PKCE downgrade attempt
            if (verifier != null) {
                throw OAuthError.INVALID_GRANT.with("code_verifier sent but the authorization request had no code_challenge.");
            }
            return;
        }
        // RFC 7636 §4.5: the verifier is required when a challenge was sent
        if (verifier == null) {
            throw OAuthError.INVALID_GRANT.with("Missing code_verifier.");
        }
        // RFC 7636 §4.1: 43 to 128 unreserved characters
        if (!VERIFIER.matcher(verifier).matches()) {
            throw OAuthError.INVALID_GRANT.with("Malformed code_verifier.");
        }
        // RFC 7636 §4.6: BASE64URL(SHA-256(ASCII(verifier))) == challenge, compared in constant time
        String computed = Base64.getUrlEncoder().withoutPadding().encodeToString(Secrets.sha256(verifier));
        if (!MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII))) {
            throw OAuthError.INVALID_GRANT.with("code_verifier does not match the code_challenge.");
        }
    }
}
