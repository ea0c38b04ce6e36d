package io.latchkey.common.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;

class OperatorIdentityTest {

    private static final String PROOF = "identity-secret-for-this-test-0123456789";
    private final OperatorIdentity identity = new OperatorIdentity(new GatewayProof(Optional.of(PROOF)));

    private static Map<String, List<String>> headers(String scope) {
        Map<String, List<String>> h = new HashMap<>();
        h.put(TrustHeaders.IDENTITY_PROOF, List.of(PROOF));
        h.put(TrustHeaders.SUBJECT, List.of("latchkey-operator"));
        h.put(TrustHeaders.CLIENT_ID, List.of("latchkey-operator"));
        h.put(TrustHeaders.SCOPE, List.of(scope));
        h.put(TrustHeaders.CLIENT_IP, List.of("203.0.113.7"));
        return h;
    }

    private OAuthError refusal(Map<String, List<String>> h) {
        return assertThrows(OAuthException.class, () -> identity.require(h::get)).error();
    }

    @Test
    void anAdminTokenBehindTheGatewayIsAnOperator() {
        OperatorIdentity.Caller caller = identity.require(headers("profile admin")::get);
        assertEquals("latchkey-operator", caller.actor());
        assertEquals("203.0.113.7", caller.ip());
    }

    @Test
    void withoutAdminScopeTheAnswerIsInsufficientScope() {
        // RFC 6750 §3.1
        OAuthException e = assertThrows(OAuthException.class, () -> identity.require(headers("profile")::get));
        assertEquals(OAuthError.INSUFFICIENT_SCOPE, e.error());
        assertEquals(403, e.error().status());
        assertEquals(true, e.challenge().contains("scope=\"admin\""));
    }

    @Test
    void withoutTheGatewaysProofNothingIsBelieved() {
        Map<String, List<String>> h = headers("admin");
        h.put(TrustHeaders.IDENTITY_PROOF, List.of("wrong"));
        assertEquals(OAuthError.INVALID_TOKEN, refusal(h));
        h.remove(TrustHeaders.IDENTITY_PROOF);
        assertEquals(OAuthError.INVALID_TOKEN, refusal(h));
    }

    @Test
    void aRepeatedOrMissingIdentityHeaderIsNotGuessedAt() {
        Map<String, List<String>> h = headers("admin");
        h.put(TrustHeaders.SCOPE, List.of("admin", "admin"));
        assertEquals(OAuthError.INVALID_TOKEN, refusal(h));
        h = headers("admin");
        h.remove(TrustHeaders.SUBJECT);
        assertEquals(OAuthError.INVALID_TOKEN, refusal(h));
    }

    @Test
    void aForgedClientIpIsDropped() {
        Map<String, List<String>> h = headers("admin");
        h.put(TrustHeaders.CLIENT_IP, List.of("evil.example"));
        assertEquals(null, identity.require(h::get).ip());
    }
}
