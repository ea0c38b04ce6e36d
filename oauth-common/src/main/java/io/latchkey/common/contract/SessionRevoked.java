package io.latchkey.common.contract;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of {@code POST /internal/grants/{grant_id}/sessions/{session_id}/revoke}: when the session (the
 * refresh-token family) was first revoked (a second call keeps it) and how many refresh tokens this call revoked.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionRevoked(@JsonProperty("grant_id") String grantId,
                             @JsonProperty("session_id") UUID sessionId,
                             @JsonProperty("revoked_at") Instant revokedAt,
                             @JsonProperty("refresh_tokens_revoked") int refreshTokensRevoked) {
}
