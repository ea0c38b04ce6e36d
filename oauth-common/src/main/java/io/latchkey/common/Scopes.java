package io.latchkey.common;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.latchkey.common.error.OAuthError;
import io.latchkey.common.oidc.UserClaims;

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

    public static String format(Collection<String> scopes) {
        return String.join(" ", scopes);
    }

    /**
     * The scope to grant a client that may ask for {@code allowed}: the requested scopes when all are allowed, or
     * the default when none was asked for. Fails with {@code invalid_scope} otherwise. Every grant that starts from
     * a client's request applies this one rule: the authorization endpoint, client_credentials, device authorization.
     */
    public static String resolve(String requested, Collection<String> allowed) {
        return format(granted(requested, allowed));
    }

    /** {@link #resolve}, as a set of scope tokens. */
    public static Set<String> granted(String requested, Collection<String> allowed) {
        if (requested == null || requested.isBlank()) {
            // RFC 6749 §3.3: without a scope parameter the server uses a pre-defined default (the client's scopes
            // but those a client must ask for by name) or fails with invalid_scope
            List<String> defaults = UserClaims.defaultScopes(allowed);
            if (defaults.isEmpty()) {
                throw OAuthError.INVALID_SCOPE.with("The client has no scopes.");
            }
            return new LinkedHashSet<>(defaults);
        }
        return within(requested, allowed);
    }

    /**
     * An explicit scope (no default applies: a peer service resolved it already), checked against what the client
     * is registered for. Fails with {@code invalid_scope} when malformed or outside {@code allowed}.
     */
    public static Set<String> within(String scope, Collection<String> allowed) {
        // RFC 6749 §3.3: space-delimited, case-sensitive scope tokens
        Set<String> scopes = parse(scope);
        // RFC 6749 §3.3: the server may refuse scopes the client was not registered for
        if (!allowed.containsAll(scopes)) {
            throw OAuthError.INVALID_SCOPE.with("A requested scope is not allowed for this client.");
        }
        return scopes;
    }
}
