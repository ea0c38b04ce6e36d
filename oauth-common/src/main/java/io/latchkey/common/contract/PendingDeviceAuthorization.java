package io.latchkey.common.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Answer of device-service {@code GET /internal/device/user-codes/{user_code}}: the device authorization behind a
 * user code as consent-service shows it (RFC 8628 §5.4: what asked, from where). Times are ISO-8601.
 * docs/internal-api.md.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PendingDeviceAuthorization(@JsonProperty("user_code") String userCode,
                                         @JsonProperty("client_id") String clientId,
                                         @JsonProperty("scope") String scope,
                                         @JsonProperty("status") String status,
                                         @JsonProperty("requested_at") String requestedAt,
                                         @JsonProperty("expires_at") String expiresAt,
                                         @JsonProperty("device_ip") String deviceIp,
                                         @JsonProperty("device_user_agent") String deviceUserAgent) {

    public static final String PENDING = "pending";

    public boolean pending() {
        return PENDING.equals(status);
    }
}
