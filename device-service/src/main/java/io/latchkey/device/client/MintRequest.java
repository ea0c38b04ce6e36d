package io.latchkey.device.client;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Body of token-service {@code POST /internal/tokens}; {@code session} (optional there) says where the device asked
 * from, recorded on the refresh-token family the mint starts (docs/internal-api.md, "Sessions").
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MintRequest(String clientId, String subject, String scope, String grantId, String grantType,
                          io.latchkey.common.oidc.Identity identity, io.latchkey.common.contract.SessionInfo session) {
}
