package io.latchkey.common.contract;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code POST /internal/grants/usage} (token-service; consent-service asks it). docs/internal-api.md. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GrantUsageRequest(@JsonProperty("grant_ids") List<String> grantIds) {

    /** Enough for one page of a user's authorized apps. */
    public static final int MAX_GRANTS = 500;
}
