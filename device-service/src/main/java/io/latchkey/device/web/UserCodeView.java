package io.latchkey.device.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A pending device authorization as consent-service shows it (docs/internal-api.md); times are ISO-8601. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserCodeView(
        String userCode,
        String clientId,
        String scope,
        String status,
        String requestedAt,
        String expiresAt,
        String deviceIp,
        String deviceUserAgent) {
}
