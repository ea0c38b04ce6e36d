package io.latchkey.device.device;

import java.util.LinkedHashSet;
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
            // RFC 6749 §3.3: without a scope parameter the server uses a pre-defined default (all client scopes)
            if (allowed.isEmpty()) {
                throw OAuthError.INVALID_SCOPE.with("The client has no scopes.");
            }
            return String.join(" ", allowed);
        }
        Set<String> scopes = new LinkedHashSet<>();
        // RFC 6749 §3.3: space-delimited, case-sensitive scope tokens
        for (String scope : requested.split(" ")) {
            if (scope.isEmpty()) {
                continue;
            }
            if (!isScopeToken(scope) || !allowed.contains(scope)) {
                throw OAuthError.INVALID_SCOPE.with("A requested scope is not allowed for this client.");
            }
            scopes.add(scope);
        }
        if (scopes.isEmpty()) {
            throw OAuthError.INVALID_SCOPE.with("No scope requested.");
        }
        return String.join(" ", scopes);
    }

    /** RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
    static boolean isScopeToken(String scope) {
        for (int i = 0; i < scope.length(); i++) {
            char c = scope.charAt(i);
            if (c < 0x21 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
