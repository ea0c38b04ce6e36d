package io.latchkey.consent.device;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Body of device-service's approve call: who approved, under which grant, for which scope. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Approval(String subject, String grantId, String scope) {
}
