package io.latchkey.common.trust;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;

/**
 * Who is calling an admin route ({@code /admin/...}): the gateway has verified the operator's access token and, on a
 * bearer route with scope {@value #ADMIN_SCOPE}, sends its claims in {@link TrustHeaders#SUBJECT},
 * {@link TrustHeaders#CLIENT_ID} and {@link TrustHeaders#SCOPE} next to its identity proof. Every admin resource in
 * every service calls {@link #require} first: the gateway checks the scope too, but a service never relies on the
 * edge alone (defence in depth). Without the proof, or with an identity header missing or sent twice, nothing is
 * believed (401 {@code invalid_token}); without the scope the answer is 403 {@code insufficient_scope}.
 */
@ApplicationScoped
public class OperatorIdentity {

    /** The scope of every admin route; only operator users and operator clients can ever be granted it. */
    public static final String ADMIN_SCOPE = "admin";

    private static final String REALM = "Bearer realm=\"latchkey\"";

    /**
     * The verified operator behind a request.
     *
     * @param subject  the token's {@code sub}: a user id, or the client id for client-credentials tokens
     * @param clientId the token's {@code client_id}
     * @param scopes   the token's scopes (always containing {@value #ADMIN_SCOPE})
     * @param ip       the client address the gateway computed ({@link TrustHeaders#CLIENT_IP}), or null
     */
    public record Caller(String subject, String clientId, Set<String> scopes, String ip) {

        /** Who did it, for the audit trail: the subject (a user id, or the operator client's id). */
        public String actor() {
            return subject;
        }
    }

    private final GatewayProof proof;

    public OperatorIdentity(GatewayProof proof) {
        this.proof = proof;
    }

    /** For JAX-RS resources. */
    public Caller require(HttpHeaders headers) {
        return require(name -> headers == null ? null : headers.getRequestHeader(name));
    }

    /**
     * @param header the values a request carries for a header name (null or empty when absent)
     * @throws OAuthException 401 {@code invalid_token} without a believable identity, 403 {@code insufficient_scope}
     *                        without scope {@value #ADMIN_SCOPE}
     */
    public Caller require(Function<String, List<String>> header) {
        String subject = single(header, TrustHeaders.SUBJECT);
        String clientId = single(header, TrustHeaders.CLIENT_ID);
        String scope = single(header, TrustHeaders.SCOPE);
        // the identity headers mean something only next to the gateway's proof (only the gateway holds its secret)
        if (!proof.present(header.apply(TrustHeaders.IDENTITY_PROOF)) || subject == null || clientId == null
                || scope == null) {
            // RFC 6750 §3.1: a request without (believable) credentials gets the challenge
            throw OAuthError.INVALID_TOKEN.with("An operator access token is required.").withChallenge(REALM);
        }
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(scope.trim().split(" +")));
        // RFC 6750 §3.1: a token without the scope the resource needs is insufficient_scope (403)
        if (!scopes.contains(ADMIN_SCOPE)) {
            throw OAuthError.INSUFFICIENT_SCOPE.with("This resource needs the scope: " + ADMIN_SCOPE + ".")
                    .withChallenge(REALM + ", error=\"insufficient_scope\", scope=\"" + ADMIN_SCOPE + "\"");
        }
        String ip = single(header, TrustHeaders.CLIENT_IP);
        return new Caller(subject, clientId, Set.copyOf(scopes), ip != null && CallerAddress.isAddress(ip) ? ip : null);
    }

    /** The header's value when sent exactly once (a repeated identity header is never guessed at). */
    private static String single(Function<String, List<String>> header, String name) {
        List<String> values = header.apply(name);
        return values == null || values.size() != 1 || values.get(0).isEmpty() ? null : values.get(0);
    }
}
