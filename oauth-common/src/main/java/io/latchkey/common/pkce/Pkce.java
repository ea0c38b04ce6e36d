package io.latchkey.common.pkce;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;

import io.latchkey.common.crypto.Secrets;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;

/**
 * RFC 7636 Proof Key for Code Exchange, S256 only (RFC 9700 §2.1.1): the challenge side, checked by consent-service
 * at the authorization endpoint and again by token-service when it binds a code, and the verifier side, checked at
 * the token endpoint.
 */
public final class Pkce {

    public static final String S256 = "S256";

    /** RFC 7636 §4.1: code-verifier = 43*128unreserved. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");
    /** RFC 7636 §4.2: an S256 challenge is BASE64URL(SHA-256(verifier)) without padding: 43 characters. */
    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Pkce() {
    }

    /** The challenge side at issue time: the {@code invalid_request} to report, or null when it is acceptable. */
    public static OAuthException challengeProblem(String challenge, String method, boolean publicClient) {
        if (challenge == null || challenge.isEmpty()) {
            // RFC 9700 §2.1.1: public clients MUST use PKCE
            if (publicClient) {
                return OAuthError.INVALID_REQUEST.with(
                        "PKCE is required: send code_challenge with code_challenge_method=S256.");
            }
            return method == null || method.isEmpty() ? null
                    : OAuthError.INVALID_REQUEST.with("code_challenge_method without code_challenge.");
        }
        // RFC 9700 §2.1.1: S256 only (RFC 7636 §4.3: a missing method would mean "plain")
        if (!S256.equals(method)) {
            return OAuthError.INVALID_REQUEST.with("code_challenge_method must be S256.");
        }
        // RFC 7636 §4.2: BASE64URL of a SHA-256 hash
        if (!S256_CHALLENGE.matcher(challenge).matches()) {
            return OAuthError.INVALID_REQUEST.with("Malformed code_challenge.");
        }
        return null;
    }

    /** {@link #challengeProblem}, thrown. */
    public static void checkChallenge(String challenge, String method, boolean publicClient) {
        OAuthException problem = challengeProblem(challenge, method, publicClient);
        if (problem != null) {
            throw problem;
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
        if (!MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII))) {
            throw OAuthError.INVALID_GRANT.with("code_verifier does not match the code_challenge.");
        }
    }

    private static String s256(String verifier) {
        // RFC 7636 §4.1: the verifier is ASCII, so its UTF-8 bytes are its ASCII bytes
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Secrets.sha256(verifier));
    }
}
