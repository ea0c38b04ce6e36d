package io.latchkey.token.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** RFC 7662 §2.2 introspection response. An inactive token is {@code {"active":false}} and nothing else. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntrospectionResponse(
        @JsonProperty("active") boolean active,
        @JsonProperty("scope") String scope,
        @JsonProperty("client_id") String clientId,
        @JsonProperty("sub") String subject,
        @JsonProperty("exp") Long expiresAt,
        @JsonProperty("iat") Long issuedAt,
        @JsonProperty("iss") String issuer,
        @JsonProperty("aud") String audience,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("jti") String jti) {

    /** {@code token_type} of a live access token (RFC 6749 §7.1 type). */
    public static final String ACCESS_TOKEN_TYPE = "Bearer";
    /** {@code token_type} of a live refresh token, so that no resource server mistakes it for an access token. */
    public static final String REFRESH_TOKEN_TYPE = "refresh_token";

    // RFC 7662 §2.2: an inactive token's response SHOULD NOT include anything but "active"
    public static final IntrospectionResponse INACTIVE =
            new IntrospectionResponse(false, null, null, null, null, null, null, null, null, null);
}
