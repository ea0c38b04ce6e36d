package io.latchkey.common.contract;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One live session of a grant (a refresh-token family; its id is the {@code sid} of its access tokens), as
 * {@link GrantUsageReport} lists them. {@code userAgent}, {@code ip}, {@code deviceName}: the {@link SessionInfo}
 * recorded when the family started, each possibly null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionSummary(@JsonProperty("session_id") UUID sessionId,
                             @JsonProperty("created_at") Instant createdAt,
                             @JsonProperty("last_used_at") Instant lastUsedAt,
                             @JsonProperty("user_agent") String userAgent,
                             @JsonProperty("ip") String ip,
                             @JsonProperty("device_name") String deviceName) {
}
