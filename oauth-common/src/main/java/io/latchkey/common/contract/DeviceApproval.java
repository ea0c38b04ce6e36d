package io.latchkey.common.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.latchkey.common.oidc.Identity;

/**
 * The body of device-service {@code POST /internal/device/user-codes/{user_code}/approve} (consent-service sends it):
 * the user who approved, the grant consent-service recorded, the approved scope. docs/internal-api.md.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceApproval(@JsonProperty("subject") String subject,
                             @JsonProperty("grant_id") String grantId,
                             @JsonProperty("scope") String scope,
                             // OIDC Core §2: the sign-in for the ID Token, when the scope has openid (else null)
                             @JsonProperty("identity") Identity identity) {
}
