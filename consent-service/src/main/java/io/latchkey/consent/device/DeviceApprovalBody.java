package io.latchkey.consent.device;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Body of device-service's approve call: who approved, under which grant, for which scope, and for an openid scope
 * the sign-in the ID Token will carry.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeviceApprovalBody(String subject, String grantId, String scope, io.latchkey.common.oidc.Identity identity) {
}
