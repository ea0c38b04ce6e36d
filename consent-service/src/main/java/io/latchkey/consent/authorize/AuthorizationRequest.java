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
 * @param repeated names of parameters that appeared more than once (RFC 6749 §3.1 forbids it)
 */
public record AuthorizationRequest(String clientId, String redirectUri, String responseType, String scope,
                                   String state, String codeChallenge, String codeChallengeMethod,
                                   List<String> repeated) {

    static final String[] NAMES = {OAuthParams.CLIENT_ID, OAuthParams.REDIRECT_URI, OAuthParams.RESPONSE_TYPE,
            OAuthParams.SCOPE, OAuthParams.STATE, OAuthParams.CODE_CHALLENGE, OAuthParams.CODE_CHALLENGE_METHOD};

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
                v.get(OAuthParams.CODE_CHALLENGE), v.get(OAuthParams.CODE_CHALLENGE_METHOD), List.copyOf(repeated));
    }

    /** The same request with the scope the server settled on (RFC 6749 §3.3: a default when none was asked). */
    public AuthorizationRequest withScope(String effective) {
        return new AuthorizationRequest(clientId, redirectUri, responseType, effective, state, codeChallenge,
                codeChallengeMethod, repeated);
    }

    /** {@code /oauth/authorize?...}: where sign-in sends the browser back to. */
    public String authorizePath() {
        StringBuilder sb = new StringBuilder("/oauth/authorize");
        char sep = '?';
        String[] values = {clientId, redirectUri, responseType, scope, state, codeChallenge, codeChallengeMethod};
        for (int i = 0; i < NAMES.length; i++) {
            if (values[i] != null) {
                sb.append(sep).append(NAMES[i]).append('=').append(URLEncoder.encode(values[i], StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return sb.toString();
    }
}
