package io.latchkey.consent.authorize;

import java.util.regex.Pattern;

import io.latchkey.common.error.OAuthError;
import io.latchkey.common.OAuthParams;
import io.latchkey.common.Scopes;
import io.latchkey.common.error.OAuthException;
import io.latchkey.common.contract.ClientInfo;
import io.latchkey.common.pkce.Pkce;

/** The rules of an authorization request, in the order RFC 6749 §4.1.2.1 and RFC 9700 §2.1 apply them. */
final class RequestChecks {

    private static final Pattern CLIENT_ID = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private RequestChecks() {
    }

    /** A message for an error page when client_id cannot even be looked up, else null. */
    static String clientIdProblem(AuthorizationRequest r) {
        if (r.repeated().contains(OAuthParams.CLIENT_ID) || r.clientId() == null
                || !CLIENT_ID.matcher(r.clientId()).matches()) {
            return "The request does not name a valid application.";
        }
        return null;
    }

    /**
     * RFC 6749 §4.1.2.1 and RFC 9700 §4.1.3: with an unknown client or a redirect URI that is missing or not
     * registered, the user sees an error page and is never redirected. Null when both are valid.
     */
    static String clientProblem(AuthorizationRequest r, ClientInfo client) {
        if (client.clientType() == null) {
            return "The application that sent you here is not registered with Latchkey.";
        }
        if (r.repeated().contains(OAuthParams.REDIRECT_URI) || !client.registersRedirectUri(r.redirectUri())) {
            return "The application sent you here with a return address it has not registered, so Latchkey will not "
                    + "send you back to it.";
        }
        return null;
    }

    /** Everything else, reported at the redirect URI once the user is signed in (RFC 9700 §4.11.2). Null when valid. */
    static OAuthException requestProblem(AuthorizationRequest r, ClientInfo client) {
        if (!r.repeated().isEmpty()) {
            // RFC 6749 §3.1: parameters MUST NOT be included more than once
            return OAuthError.INVALID_REQUEST.with("Parameter '" + r.repeated().get(0) + "' is repeated.");
        }
        if (r.responseType() == null) {
            return OAuthError.INVALID_REQUEST.with("Missing response_type.");
        }
        // RFC 9700 §2.1.2: no implicit grant or other response types that return tokens here
        if (!"code".equals(r.responseType())) {
            return OAuthError.UNSUPPORTED_RESPONSE_TYPE.with("Only response_type=code is supported.");
        }
        if (client.grantTypes() == null || !client.grantTypes().contains(OAuthParams.GRANT_AUTHORIZATION_CODE)) {
            return OAuthError.UNAUTHORIZED_CLIENT.with("This client is not registered for the authorization code grant.");
        }
        OAuthException pkce = Pkce.challengeProblem(r.codeChallenge(), r.codeChallengeMethod(), client.isPublic());
        return pkce != null ? pkce : scopeProblem(r, client);
    }

    /** RFC 6749 §3.3: the scope to ask the user for (oauth-common's one scope rule); call after requestProblem. */
    static String effectiveScope(AuthorizationRequest r, ClientInfo client) {
        return Scopes.resolve(r.scope(), client.scopesOrEmpty());
    }

    private static OAuthException scopeProblem(AuthorizationRequest r, ClientInfo client) {
        try {
            effectiveScope(r, client);
            return null;
        } catch (OAuthException e) {
            return e;
        }
    }
}
