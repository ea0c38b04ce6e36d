package io.latchkey.common;

/** JWT claim names used in Latchkey access tokens (RFC 9068 §2.2). */
public final class Claims {
    private Claims() {
    }

    public static final String ISS = "iss";
    public static final String SUB = "sub";
    public static final String AUD = "aud";
    public static final String EXP = "exp";
    public static final String IAT = "iat";
    public static final String JTI = "jti";
    public static final String CLIENT_ID = "client_id";
    public static final String SCOPE = "scope";
    /** RFC 7519 §4.1.5: not before. */
    public static final String NBF = "nbf";
    /** Latchkey's grant id: revoking a grant revokes every token that carries it. */
    public static final String GRANT_ID = "gid";
    /**
     * Latchkey's session id: the refresh-token family the access token was issued under (RFC 9068 §2.2.3 allows
     * extra claims). Revoking the family (RFC 7009, or reuse, RFC 9700 §4.14.2) revokes every token that carries it.
     * Absent when the token was issued without a refresh token.
     */
    public static final String SESSION_ID = "sid";
    /** RFC 9068 §2.1: the JOSE header type of an access token. */
    public static final String AT_JWT_TYPE = "at+jwt";

    // OpenID Connect Core 1.0 §2: ID Token claims
    public static final String AUTH_TIME = "auth_time";
    public static final String NONCE = "nonce";
    /** OIDC Core §3.1.3.6: left half of the access token's SHA-256, base64url. */
    public static final String AT_HASH = "at_hash";
    public static final String AZP = "azp";
    /** OIDC Core §2 does not fix the ID Token's typ; "JWT" (RFC 7519 §5.1) keeps it apart from at+jwt. */
    public static final String ID_TOKEN_TYPE = "JWT";
    // OpenID Connect Core 1.0 §5.1: standard claims Latchkey knows about its users
    public static final String NAME = "name";
    public static final String PREFERRED_USERNAME = "preferred_username";
    public static final String EMAIL = "email";
    public static final String EMAIL_VERIFIED = "email_verified";
}
