package io.latchkey.gateway.bearer;

import java.util.Set;

/** The claims of an access token whose signature, issuer, audience, lifetime and revocation status were checked. */
public record VerifiedToken(String subject, String clientId, String scope, Set<String> scopes, String grantId,
                            String jti, long expiresAt) {
}
