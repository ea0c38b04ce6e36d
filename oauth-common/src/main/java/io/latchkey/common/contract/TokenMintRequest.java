package io.latchkey.common.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.latchkey.common.oidc.Identity;

/**
 * The body of {@code POST /internal/tokens} (token-service; device-service sends it after an approved device poll).
 * The answer is the RFC 6749 §5.1 token response, which device-service passes through unchanged. docs/internal-api.md.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenMintRequest(@JsonProperty("client_id") String clientId,
                               @JsonProperty("subject") String subject,
                               @JsonProperty("scope") String scope,
                               @JsonProperty("grant_id") String grantId,
                               @JsonProperty("grant_type") String grantType,
                               // OIDC Core §2: the sign-in for the ID Token (null without openid)
                               @JsonProperty("identity") Identity identity,
                               // where the device session started, recorded on the family (docs/internal-api.md, "Sessions")
                               @JsonProperty("session") SessionInfo session) {
}
