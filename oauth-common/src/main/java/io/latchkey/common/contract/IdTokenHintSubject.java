package io.latchkey.common.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer of token-service {@code POST /internal/id-token-hints}: the user and client an ID Token it signed names. */
public record IdTokenHintSubject(@JsonProperty("subject") String subject, @JsonProperty("client_id") String clientId) {
}
