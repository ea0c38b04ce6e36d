package io.latchkey.token.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.latchkey.common.OAuthParams;
import io.latchkey.common.oidc.UserClaims;

/**
 * The one description of what Latchkey implements: RFC 8414 §2 authorization server metadata, with the OpenID
 * Connect Discovery 1.0 §3 fields. The same document answers at both well-known URIs (RFC 8414 §2 lets it carry
 * the OpenID fields), so the two cannot drift. It lists only what is implemented: add a line here when a grant or
 * endpoint lands, never before.
 */
final class Metadata {

    private Metadata() {
    }

    /** The OpenID Connect request values {@code prompt} takes (OIDC Core §3.1.2.1). */
    static final List<String> PROMPT_VALUES = List.of("none", "login", "consent", "select_account");

    static Map<String, Object> of(String issuer, List<String> scopes, String signingAlg) {
        Map<String, Object> m = new LinkedHashMap<>();
        // RFC 8414 §3.3: issuer MUST be identical to the issuer identifier the metadata was fetched for
        m.put("issuer", issuer);
        // RFC 6749 §3.1: the authorization endpoint (served by consent-service behind the gateway)
        m.put("authorization_endpoint", issuer + "/oauth/authorize");
        m.put("token_endpoint", issuer + "/oauth/token");
        m.put("jwks_uri", issuer + "/oauth/jwks");
        // RFC 8628 §4: the device authorization endpoint (served by device-service behind the gateway)
        m.put("device_authorization_endpoint", issuer + "/oauth/device_authorization");
        m.put("scopes_supported", scopes);
        // RFC 8414 §2: REQUIRED; RFC 9700 §2.1.2: code only, no implicit grant
        m.put("response_types_supported", List.of("code"));
        m.put("grant_types_supported", List.of(OAuthParams.GRANT_AUTHORIZATION_CODE, OAuthParams.GRANT_DEVICE_CODE,
                OAuthParams.GRANT_CLIENT_CREDENTIALS, OAuthParams.GRANT_REFRESH_TOKEN));
        m.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "none"));
        // RFC 9700 §2.1.1: clients can detect PKCE support; S256 only
        m.put("code_challenge_methods_supported", List.of("S256"));
        // RFC 9207 §3: the authorization response carries iss
        m.put("authorization_response_iss_parameter_supported", true);
        // RFC 8414 §2: RFC 7009 revocation; public clients may revoke their own tokens with their client_id
        m.put("revocation_endpoint", issuer + "/oauth/revoke");
        m.put("revocation_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "none"));
        // RFC 8414 §2: RFC 7662 introspection, for authenticated (confidential) clients only
        m.put("introspection_endpoint", issuer + "/oauth/introspect");
        m.put("introspection_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        openIdConnect(m, issuer, signingAlg);
        return m;
    }

    /** OpenID Connect Discovery 1.0 §3: what the OpenID Provider side implements. */
    private static void openIdConnect(Map<String, Object> m, String issuer, String signingAlg) {
        // OIDC Core §5.3: served by consent-service (owner of users) behind the gateway, bearer-protected
        m.put("userinfo_endpoint", issuer + "/oauth/userinfo");
        // Discovery §3: REQUIRED; ID Tokens are signed with the same rotating keys as access tokens
        m.put("id_token_signing_alg_values_supported", List.of(signingAlg));
        // Discovery §3: REQUIRED; sub is the user's id, the same for every client
        m.put("subject_types_supported", List.of("public"));
        m.put("response_modes_supported", List.of("query"));
        m.put("claims_supported", UserClaims.SUPPORTED);
        m.put("claim_types_supported", List.of("normal"));
        m.put("prompt_values_supported", PROMPT_VALUES);
        // Discovery §3: these default to true/false as noted; Latchkey supports none of them, so it says so
        // OpenID Connect RP-Initiated Logout 1.0 §2.1: served by consent-service (owner of browser sessions)
        m.put("end_session_endpoint", issuer + "/oauth/logout");
        m.put("claims_parameter_supported", false);
        m.put("request_parameter_supported", false);
        m.put("request_uri_parameter_supported", false);
    }
}
