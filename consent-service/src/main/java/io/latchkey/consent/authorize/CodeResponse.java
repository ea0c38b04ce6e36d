package io.latchkey.consent.authorize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** token-service's answer to {@code POST /internal/codes}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CodeResponse(String code) {
}
