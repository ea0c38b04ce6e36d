package io.latchkey.common;

import java.util.LinkedHashSet;
import java.util.Set;

import io.latchkey.common.error.OAuthError;

/** RFC 6749 §3.3 scope strings: space-delimited, case-sensitive, order-free. */
public final class Scopes {

    private Scopes() {
    }

    public static Set<String> parse(String scope) {
        if (scope == null || scope.isBlank()) {
            return new LinkedHashSet<>();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String s : scope.trim().split(" +")) {
            // RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x21 || c == 0x22 || c == 0x5C || c > 0x7E) {
                    throw OAuthError.INVALID_SCOPE.with("Malformed scope.");
                }
            }
            out.add(s);
        }
        return out;
    }

    public static String format(java.util.Collection<String> scopes) {
        return String.join(" ", scopes);
    }

    /**
     * The scope to grant a client that may ask for {@code allowed}: the requested scopes when all are allowed, or
     * the default when none was asked for. Fails with {@code invalid_scope} otherwise.
     */
    public static String resolve(String requested, java.util.Collection<String> allowed) {
        if (requested == null || requested.isBlank()) {
            // RFC 6749 §3.3: without a scope parameter the server uses a pre-defined default (the client's scopes
            // but those a client must ask for by name)
            java.util.List<String> defaults = io.latchkey.common.oidc.UserClaims.defaultScopes(allowed);
            if (defaults.isEmpty()) {
                throw OAuthError.INVALID_SCOPE.with("The client has no scopes.");
            }
            return String.join(" ", defaults);
        }
        // RFC 6749 §3.3: space-delimited, case-sensitive scope tokens
        Set<String> scopes = parse(requested);
        if (!allowed.containsAll(scopes)) {
            throw OAuthError.INVALID_SCOPE.with("A requested scope is not allowed for this client.");
        }
        return format(scopes);
    }
}
