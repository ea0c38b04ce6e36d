package io.latchkey.common.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of token-service {@code POST /internal/clients/authenticate} (docs/internal-api.md): a client's credentials as
 * another service received them (RFC 6749 §2.3), checked by their owner. The secret is null for a public client; it
 * never appears in {@link #toString()}. The answer is a {@link ClientInfo}.
 */
public record ClientAuthenticationRequest(@JsonProperty("client_id") String clientId,
                                   @JsonProperty("client_secret") String clientSecret) {

    @Override
    public String toString() {
        return "ClientAuthenticationRequest[clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? "null" : "***") + "]";
    }
}
