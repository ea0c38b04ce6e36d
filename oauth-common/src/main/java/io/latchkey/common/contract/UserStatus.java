package io.latchkey.common.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Answer of consent-service {@code GET /internal/users/{user_id}} (docs/internal-api.md): whether the user may still
 * get tokens; {@code active} is false for an unknown, malformed or disabled user. device-service asks it before it
 * mints for an approved device code.
 */
public record UserStatus(@JsonProperty("user_id") String userId, @JsonProperty("active") boolean active) {
}
