package io.latchkey.token.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** RFC 6749 §5.1 successful token response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("scope") String scope,
        @JsonProperty("refresh_token") String refreshToken,
        // OIDC Core §3.1.3.3: with scope openid the response carries an ID Token
        @JsonProperty("id_token") String idToken) {

    public TokenResponse(String accessToken, String tokenType, long expiresIn, String scope, String refreshToken) {
        this(accessToken, tokenType, expiresIn, scope, refreshToken, null);
    }
}
