package io.latchkey.common.contract;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One grant in the answer of {@code POST /internal/grants/usage} (a map grant id → this): when the grant last got
 * tokens (the newest {@code last_used_at} of its families, issued or refreshed; null if never on record) and its live
 * sessions (refresh-token families neither revoked nor expired), newest first. docs/internal-api.md, "Sessions".
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GrantUsageReport(@JsonProperty("last_used_at") Instant lastUsedAt,
                               @JsonProperty("sessions") List<SessionSummary> sessions) {
}
