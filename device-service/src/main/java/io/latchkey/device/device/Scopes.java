package io.latchkey.device.device;

import java.util.List;
import java.util.Set;

import io.latchkey.common.error.OAuthError;

/** Scope parsing and checking (RFC 6749 §3.3). */
public final class Scopes {

    private Scopes() {
    }

    /**
     * The scope to grant: the requested scopes when all are allowed, or every allowed scope when none was asked
     * for. Fails with {@code invalid_scope} otherwise.
     */
    public static String resolve(String requested, List<String> allowed) {
        if (requested == null || requested.isBlank()) {
            // RFC 6749 §3.3: without a scope parameter the server uses a pre-defined default (the client's scopes
            // but those OpenID Connect scopes a client must ask for)
            List<String> defaults = io.latchkey.common.oidc.UserClaims.defaultScopes(allowed);
            if (defaults.isEmpty()) {
                throw OAuthError.INVALID_SCOPE.with("The client has no scopes.");
            }
            return String.join(" ", defaults);
        }
        // RFC 6749 §3.3: space-delimited, case-sensitive scope tokens (parsed once, in oauth-common)
        Set<String> scopes = io.latchkey.common.Scopes.parse(requested);
        if (!allowed.containsAll(scopes)) {
            throw OAuthError.INVALID_SCOPE.with("A requested scope is not allowed for this client.");
        }
        return io.latchkey.common.Scopes.format(scopes);
    }
}
