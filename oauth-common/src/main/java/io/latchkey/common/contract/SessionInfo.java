package io.latchkey.common.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a session (a refresh-token family) was started: the {@code session} member of {@code POST /internal/tokens}
 * (device-service, on device-code redemption) and {@code POST /internal/codes} (consent-service, when the user
 * approves). Every member may be null. docs/internal-api.md, "Sessions".
 *
 * @param userAgent  the User-Agent of the device (device flow) or of the approving browser, at most 512 characters
 * @param ip         the client address as the gateway saw it (an IPv4 or IPv6 literal)
 * @param deviceName a name the device reported for itself, at most 64 printable characters
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionInfo(@JsonProperty("user_agent") String userAgent,
                          @JsonProperty("ip") String ip,
                          @JsonProperty("device_name") String deviceName) {

    public static final int MAX_USER_AGENT = 512;
    public static final int MAX_DEVICE_NAME = 64;
}
