package io.latchkey.common.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of token-service {@code POST /internal/id-token-hints} (docs/internal-api.md): consent-service asks who an
 * {@code id_token_hint} names (OpenID Connect RP-Initiated Logout 1.0 §2). The answer is an {@link IdTokenHintSubject}.
 */
public record IdTokenHintCheck(@JsonProperty("id_token_hint") String idTokenHint) {
}
