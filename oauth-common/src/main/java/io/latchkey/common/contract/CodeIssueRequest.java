package io.latchkey.common.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.latchkey.common.oidc.Identity;

/**
 * The body of {@code POST /internal/codes} (token-service; consent-service sends it once the user has allowed the
 * request). docs/internal-api.md. {@code codeChallenge}/{@code codeChallengeMethod} are null without PKCE.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CodeIssueRequest(@JsonProperty("client_id") String clientId,
                               @JsonProperty("redirect_uri") String redirectUri,
                               @JsonProperty("code_challenge") String codeChallenge,
                               @JsonProperty("code_challenge_method") String codeChallengeMethod,
                               @JsonProperty("subject") String subject,
                               @JsonProperty("grant_id") String grantId,
                               @JsonProperty("scope") String scope,
                               // OIDC Core §2: the sign-in and nonce for the ID Token (null without openid)
                               @JsonProperty("identity") Identity identity,
                               // the approving browser, recorded on the session (refresh-token family) the code starts
                               @JsonProperty("session") SessionInfo session) {
}
