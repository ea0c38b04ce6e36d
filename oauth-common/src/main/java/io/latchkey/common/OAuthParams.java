package io.latchkey.common;

/** Wire names of OAuth request and response parameters: the only place they are spelled. */
public final class OAuthParams {
    private OAuthParams() {
    }

    public static final String GRANT_TYPE = "grant_type";
    public static final String CLIENT_ID = "client_id";
    public static final String CLIENT_SECRET = "client_secret";
    public static final String SCOPE = "scope";
    public static final String STATE = "state";
    public static final String CODE = "code";
    public static final String REDIRECT_URI = "redirect_uri";
    public static final String RESPONSE_TYPE = "response_type";
    public static final String CODE_CHALLENGE = "code_challenge";
    public static final String CODE_CHALLENGE_METHOD = "code_challenge_method";
    public static final String CODE_VERIFIER = "code_verifier";
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final String DEVICE_CODE = "device_code";
    public static final String USER_CODE = "user_code";
    public static final String TOKEN = "token";
    public static final String TOKEN_TYPE_HINT = "token_type_hint";
    public static final String ISS = "iss";
    // OpenID Connect Core 1.0 §3.1.2.1: authentication request parameters
    public static final String NONCE = "nonce";
    public static final String PROMPT = "prompt";
    public static final String MAX_AGE = "max_age";
    public static final String LOGIN_HINT = "login_hint";
    public static final String ID_TOKEN = "id_token";
    // OpenID Connect RP-Initiated Logout 1.0 §2
    public static final String ID_TOKEN_HINT = "id_token_hint";
    public static final String POST_LOGOUT_REDIRECT_URI = "post_logout_redirect_uri";

    public static final String ACCESS_TOKEN = "access_token";
    public static final String TOKEN_TYPE = "token_type";
    public static final String EXPIRES_IN = "expires_in";
    public static final String INTERVAL = "interval";
    public static final String VERIFICATION_URI = "verification_uri";
    public static final String VERIFICATION_URI_COMPLETE = "verification_uri_complete";

    public static final String GRANT_AUTHORIZATION_CODE = "authorization_code";
    public static final String GRANT_REFRESH_TOKEN = "refresh_token";
    public static final String GRANT_CLIENT_CREDENTIALS = "client_credentials";
    /** RFC 8628 §3.4 */
    public static final String GRANT_DEVICE_CODE = "urn:ietf:params:oauth:grant-type:device_code";

    /** Header carrying the shared secret on service-to-service calls; the gateway strips it from inbound requests. */
    public static final String INTERNAL_AUTH_HEADER = io.latchkey.common.trust.TrustHeaders.INTERNAL;
}
