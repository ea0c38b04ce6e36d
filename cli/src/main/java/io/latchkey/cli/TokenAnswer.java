package io.latchkey.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** A successful token response (RFC 6749 §5.1). */
public record TokenAnswer(String accessToken, String refreshToken, String scope, long expiresIn) {

    /** RFC 6749 §5.1: access_token and token_type are REQUIRED; expires_in is RECOMMENDED (we assume 5 min without it). */
    static TokenAnswer parse(JsonNode body) {
        String access = Json.text(body, "access_token");
        String type = Json.text(body, "token_type");
        if (access == null || type == null || !type.equalsIgnoreCase("Bearer")) {
            throw new CliFailure(Exit.ERROR, "The token endpoint answered without a Bearer access_token.");
        }
        long expiresIn = body.hasNonNull("expires_in") ? body.get("expires_in").asLong(300) : 300;
        return new TokenAnswer(access, Json.text(body, "refresh_token"), Json.text(body, "scope"), expiresIn);
    }
}
