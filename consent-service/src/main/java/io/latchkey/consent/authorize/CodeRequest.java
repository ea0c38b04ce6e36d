package io.latchkey.consent.authorize;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Body of token-service's {@code POST /internal/codes} (docs/internal-api.md). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CodeRequest(String clientId, String redirectUri, String codeChallenge, String codeChallengeMethod,
                          String subject, String grantId, String scope, io.latchkey.common.oidc.Identity identity,
                          // the approving browser, recorded on the session (refresh-token family) the code starts
                          io.latchkey.common.contract.SessionInfo session) {
}
