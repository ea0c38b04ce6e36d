package io.latchkey.consent.device;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A pending device authorization as device-service describes it (docs/internal-api.md). Times are ISO-8601. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PendingDeviceAuthorization(String userCode, String clientId, String scope, String status,
                                  String requestedAt, String expiresAt, String deviceIp, String deviceUserAgent) {

    public static final String PENDING = "pending";

    public boolean pending() {
        return PENDING.equals(status);
    }
}
