package io.latchkey.common.oidc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.latchkey.common.Claims;

/**
 * OIDC Core §5.4: which standard claims each scope releases. The one rule both the ID Token (token-service) and the
 * UserInfo response (consent-service) apply, so the two always agree.
 */
public final class UserClaims {

    public static final String OPENID = "openid";
    public static final String PROFILE = "profile";
    public static final String EMAIL = "email";
    /** OIDC Core §11: a refresh token usable while the user is away. */
    public static final String OFFLINE_ACCESS = "offline_access";

    /** Every claim Latchkey can release (Discovery §3 {@code claims_supported}), ID Token claims included. */
    public static final List<String> SUPPORTED = List.of(Claims.SUB, Claims.ISS, Claims.AUD, Claims.EXP, Claims.IAT,
            Claims.AUTH_TIME, Claims.NONCE, Claims.AT_HASH, Claims.AZP, Claims.NAME, Claims.PREFERRED_USERNAME,
            Claims.EMAIL, Claims.EMAIL_VERIFIED);

    /** Scopes a client gets only by asking for them, never by default: they turn a request into something else. */
    private static final Set<String> ONLY_WHEN_ASKED = Set.of(OPENID, EMAIL, OFFLINE_ACCESS,
            io.latchkey.common.trust.OperatorIdentity.ADMIN_SCOPE);

    private UserClaims() {
    }

    /**
     * RFC 6749 §3.3: the default scope of a request without one is the client's registered scopes, except
     * openid (OIDC Core §3.1.2.1: an OpenID request says so), offline_access (§11: the user must be asked about it)
     * email (a claim no client got before OpenID Connect) and admin (granted only when asked for by name, and then
     * shown on the consent page).
     */
    public static List<String> defaultScopes(java.util.Collection<String> registered) {
        return registered.stream().filter(s -> !ONLY_WHEN_ASKED.contains(s)).toList();
    }

    /** The claims {@code scopes} allow about this user, beyond {@code sub} (which is always released). */
    public static Map<String, Object> of(Set<String> scopes, Identity who) {
        Map<String, Object> out = new LinkedHashMap<>();
        // OIDC Core §5.4: profile → name, preferred_username (the others of §5.4 Latchkey does not hold)
        if (scopes.contains(PROFILE)) {
            putIfSet(out, Claims.NAME, who.name());
            putIfSet(out, Claims.PREFERRED_USERNAME, who.preferredUsername());
        }
        // OIDC Core §5.4: email → email, email_verified
        if (scopes.contains(EMAIL)) {
            putIfSet(out, Claims.EMAIL, who.email());
            putIfSet(out, Claims.EMAIL_VERIFIED, who.emailVerified());
        }
        return out;
    }

    private static void putIfSet(Map<String, Object> out, String name, Object value) {
        if (value != null) {
            out.put(name, value);
        }
    }
}
