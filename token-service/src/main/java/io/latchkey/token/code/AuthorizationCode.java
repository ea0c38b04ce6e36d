package io.latchkey.token.code;

/**
 * What an authorization code stands for (RFC 6749 §4.1.2): the client, the redirect URI of the request, the PKCE
 * challenge (null when the client sent none), the user, the grant and the scope, and for an OpenID Connect request
 * the sign-in and nonce its ID Token will carry ({@code identity}, else null), and the approving browser
 * ({@code session}: its User-Agent and address, or null) recorded on the refresh-token family the code starts. The
 * code itself is never stored.
 */
public record AuthorizationCode(String clientId, String redirectUri, String codeChallenge, String subject,
                                String grantId, String scope, io.latchkey.common.oidc.Identity identity,
                                io.latchkey.common.contract.SessionInfo session) {

    public boolean hasChallenge() {
        return codeChallenge != null && !codeChallenge.isEmpty();
    }
}
