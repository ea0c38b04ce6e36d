package io.latchkey.common.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer of token-service {@code POST /internal/codes}: the single-use authorization code (docs/internal-api.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IssuedAuthorizationCode(@JsonProperty("code") String code) {
}
