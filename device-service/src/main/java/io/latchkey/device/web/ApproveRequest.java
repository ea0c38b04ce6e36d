package io.latchkey.device.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Body of the internal approve route: the user who approved, the grant recorded by consent-service, the scope. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApproveRequest(String subject, String grantId, String scope,
                             // OIDC Core §2: the sign-in for the ID Token, when the scope has openid (else null)
                             io.latchkey.common.oidc.Identity identity) {
}
