package io.latchkey.common.oidc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who signed in, and when: what consent-service (owner of users and sessions) hands token-service with an
 * authorization code or a device approval, so an ID Token can be minted without asking consent-service again.
 * token-service keeps it with the refresh-token family (without the nonce) so a refresh needs no extra round trip.
 *
 * @param authTime          OIDC Core §2: when the user actually signed in (epoch seconds), from the browser session
 * @param nonce             OIDC Core §3.1.2.1: the client's nonce, exactly as sent; null when none was sent
 * @param name              OIDC Core §5.1 {@code name}
 * @param preferredUsername OIDC Core §5.1 {@code preferred_username}
 * @param email             OIDC Core §5.1 {@code email}
 * @param emailVerified     OIDC Core §5.1 {@code email_verified}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Identity(@JsonProperty("auth_time") long authTime,
                       @JsonProperty("nonce") String nonce,
                       @JsonProperty("name") String name,
                       @JsonProperty("preferred_username") String preferredUsername,
                       @JsonProperty("email") String email,
                       @JsonProperty("email_verified") Boolean emailVerified) {

    /** OIDC Core §12.2: an ID Token from a refresh carries no nonce. */
    public Identity withoutNonce() {
        return nonce == null ? this : new Identity(authTime, null, name, preferredUsername, email, emailVerified);
    }
}
