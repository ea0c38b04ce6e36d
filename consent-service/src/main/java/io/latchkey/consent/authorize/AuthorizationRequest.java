package io.latchkey.consent.authorize;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.latchkey.common.OAuthParams;

/**
 * The parameters of an RFC 6749 §4.1.1 authorization request, as the client sent them (the query of
 * {@code GET /oauth/authorize}, or the hidden fields of the consent form that carry it to {@code POST /consent}).
 *
 * With scope {@code openid} it is an OpenID Connect authentication request (OIDC Core §3.1.2.1): {@code nonce},
 * {@code prompt}, {@code max_age} and {@code login_hint} as sent (checked by {@link Prompt} and {@link RequestChecks}).
 *
 * @param repeated names of parameters that appeared more than once (RFC 6749 §3.1 forbids it)
 */
public record AuthorizationRequest(String clientId, String redirectUri, String responseType, String scope,
                                   String state, String codeChallenge, String codeChallengeMethod,
                                   String nonce, String prompt, String maxAge, String loginHint,
                                   List<String> repeated) {

    static final String[] NAMES = {OAuthParams.CLIENT_ID, OAuthParams.REDIRECT_URI, OAuthParams.RESPONSE_TYPE,
            OAuthParams.SCOPE, OAuthParams.STATE, OAuthParams.CODE_CHALLENGE, OAuthParams.CODE_CHALLENGE_METHOD,
            OAuthParams.NONCE, OAuthParams.PROMPT, OAuthParams.MAX_AGE, OAuthParams.LOGIN_HINT};

    /** Reads the request from a parameter source (query or form); empty values count as absent (RFC 6749 §3.1). */
    public static AuthorizationRequest of(Function<String, List<String>> params) {
        Map<String, String> v = new LinkedHashMap<>();
        List<String> repeated = new ArrayList<>();
        for (String name : NAMES) {
            List<String> values = params.apply(name);
            if (values == null || values.isEmpty()) {
                continue;
            }
            if (values.size() > 1) {
                repeated.add(name);
            }
            String first = values.get(0);
            if (first != null && !first.isEmpty()) {
                v.put(name, first);
            }
        }
        return new AuthorizationRequest(v.get(OAuthParams.CLIENT_ID), v.get(OAuthParams.REDIRECT_URI),
                v.get(OAuthParams.RESPONSE_TYPE), v.get(OAuthParams.SCOPE), v.get(OAuthParams.STATE),
                v.get(OAuthParams.CODE_CHALLENGE), v.get(OAuthParams.CODE_CHALLENGE_METHOD),
                v.get(OAuthParams.NONCE), v.get(OAuthParams.PROMPT), v.get(OAuthParams.MAX_AGE),
                v.get(OAuthParams.LOGIN_HINT), List.copyOf(repeated));
    }

    /** The same request with the scope the server settled on (RFC 6749 §3.3: a default when none was asked). */
    public AuthorizationRequest withScope(String effective) {
        return new AuthorizationRequest(clientId, redirectUri, responseType, effective, state, codeChallenge,
                codeChallengeMethod, nonce, prompt, maxAge, loginHint, repeated);
    }

    /** OIDC Core §3.1.2.1: an OpenID Connect request is one whose scope has openid. */
    public boolean isOpenId() {
        return scope != null && (" " + scope + " ").contains(" " + io.latchkey.common.oidc.UserClaims.OPENID + " ");
    }

    /** {@code /oauth/authorize?...}: the request as sent. */
    public String authorizePath() {
        return path(prompt, maxAge);
    }

    /**
     * Where sign-in sends the browser back to: the request without what the sign-in just satisfied ({@code max_age},
     * and {@code prompt=login} or {@code select_account}), so a fresh session is not sent to sign in again. A
     * {@code prompt=consent} stays. The ID Token's auth_time still tells the client when the user signed in.
     */
    public String afterSignInPath() {
        return path(Prompt.afterSignIn(prompt), null);
    }

    private String path(String promptValue, String maxAgeValue) {
        StringBuilder sb = new StringBuilder("/oauth/authorize");
        char sep = '?';
        String[] values = {clientId, redirectUri, responseType, scope, state, codeChallenge, codeChallengeMethod,
                nonce, promptValue, maxAgeValue, loginHint};
        for (int i = 0; i < NAMES.length; i++) {
            if (values[i] != null) {
                sb.append(sep).append(NAMES[i]).append('=').append(URLEncoder.encode(values[i], StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return sb.toString();
    }
}
