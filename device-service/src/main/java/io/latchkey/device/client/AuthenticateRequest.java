package io.latchkey.device.client;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Body of token-service {@code POST /internal/clients/authenticate}; the secret is null for public clients. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AuthenticateRequest(String clientId, String clientSecret) {

    @Override
    public String toString() {
        return "AuthenticateRequest[clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "null" : "***") + "]";
    }
}
