package io.latchkey.cli;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What {@code latchkey login} stores for one issuer. The endpoints come from the issuer's RFC 8414 metadata, so later
 * commands need no discovery round trip.
 */
public record Credentials(String issuer, String clientId, String tokenEndpoint, String revocationEndpoint,
                          String accessToken, String refreshToken, String scope, Instant expiresAt) {

    /** Valid for at least {@code margin} more. */
    public boolean validFor(Duration margin, Instant now) {
        return accessToken != null && expiresAt != null && now.plus(margin).isBefore(expiresAt);
    }

    /** The same session after a token response (RFC 6749 §5.1); a refresh token not sent again stays as it was. */
    public Credentials with(TokenAnswer answer, Instant now) {
        return new Credentials(issuer, clientId, tokenEndpoint, revocationEndpoint, answer.accessToken(),
                answer.refreshToken() != null ? answer.refreshToken() : refreshToken,
                answer.scope() != null ? answer.scope() : scope, now.plusSeconds(answer.expiresIn()));
    }

    ObjectNode toJson() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("issuer", issuer);
        o.put("client_id", clientId);
        o.put("token_endpoint", tokenEndpoint);
        o.put("revocation_endpoint", revocationEndpoint);
        o.put("access_token", accessToken);
        o.put("refresh_token", refreshToken);
        o.put("scope", scope);
        o.put("expires_at", expiresAt == null ? null : expiresAt.toString());
        return o;
    }

    static Credentials fromJson(JsonNode o) {
        String expires = Json.text(o, "expires_at");
        return new Credentials(Json.text(o, "issuer"), Json.text(o, "client_id"), Json.text(o, "token_endpoint"),
                Json.text(o, "revocation_endpoint"), Json.text(o, "access_token"), Json.text(o, "refresh_token"),
                Json.text(o, "scope"), expires == null ? null : Instant.parse(expires));
    }
}
