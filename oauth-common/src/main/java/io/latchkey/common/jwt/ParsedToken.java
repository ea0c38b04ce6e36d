package io.latchkey.common.jwt;

/**
 * A compact JWS whose structure and header passed {@link AccessTokenVerifier#parse}: what is left to check needs the
 * key {@link #kid()} names.
 */
public record ParsedToken(String headerSegment, String payloadSegment, String signatureSegment, String alg, String kid) {
}
