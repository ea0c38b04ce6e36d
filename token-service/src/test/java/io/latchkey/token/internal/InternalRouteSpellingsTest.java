package io.latchkey.token.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.latchkey.testsupport.FreshDatabase;
import io.latchkey.testsupport.InternalPathSpellings;
import io.latchkey.testsupport.RawRequests;
import io.latchkey.token.TokenServiceProfile;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/** No spelling of an /internal/ path reaches token-service's internal resources without the internal secret. */
@QuarkusTest
@TestProfile(TokenServiceProfile.class)
@QuarkusTestResource(FreshDatabase.class)
class InternalRouteSpellingsTest {

    private static final String MINT = "{\"client_id\":\"latchkey-cli\",\"subject\":\"attacker\",\"scope\":\"db:write\","
            + "\"grant_id\":\"g-bypass\",\"grant_type\":\"urn:ietf:params:oauth:grant-type:device_code\"}";
    private static final String JSON = "Content-Type: application/json\r\n";

    static Stream<String> mintSpellings() {
        return InternalPathSpellings.of("tokens").stream();
    }

    static Stream<String> clientSpellings() {
        return InternalPathSpellings.of("clients/latchkey-cli").stream();
    }

    @ParameterizedTest(name = "POST {0} mints nothing")
    @MethodSource("mintSpellings")
    void noSpellingOfTheMintRouteMintsATokenWithoutTheSecret(String path) {
        RawRequests.Answer answer = RawRequests.send(RestAssured.port, "POST", path, JSON, MINT);
        assertRefused(answer, path);
        assertFalse(answer.body().contains("access_token"), path + " minted: " + answer.body());
    }

    @ParameterizedTest(name = "GET {0} shows no client")
    @MethodSource("clientSpellings")
    void noSpellingOfTheClientLookupShowsAClientWithoutTheSecret(String path) {
        RawRequests.Answer answer = RawRequests.send(RestAssured.port, "GET", path, null, null);
        assertRefused(answer, path);
        assertFalse(answer.body().contains("client_type"), path + " answered: " + answer.body());
    }

    /** A live session, minted with the secret, whose revoke route the spellings below try without it. */
    private static final String SESSION_GRANT = io.latchkey.token.Fixtures.newGrantId();
    private static final java.util.UUID SESSION = java.util.UUID.randomUUID();

    static Stream<String> sessionRevokeSpellings() {
        return InternalPathSpellings.of("grants/" + SESSION_GRANT + "/sessions/" + SESSION + "/revoke").stream();
    }

    @ParameterizedTest(name = "POST {0} revokes no session")
    @MethodSource("sessionRevokeSpellings")
    void noSpellingOfTheSessionRevokeRouteRevokesASessionWithoutTheSecret(String path) {
        io.latchkey.token.Fixtures.update("INSERT INTO token.refresh_families (family_id, grant_id, client_id, subject, "
                + "family_expires_at) VALUES (?, ?, 'latchkey-cli', 'user-1', now() + interval '1 day') "
                + "ON CONFLICT DO NOTHING", SESSION, SESSION_GRANT);
        RawRequests.Answer answer = RawRequests.send(RestAssured.port, "POST", path, null, null);
        assertRefused(answer, path);
        assertEquals(List.of(0L), io.latchkey.token.Fixtures.column("SELECT count(*) FROM token.refresh_families "
                + "WHERE family_id = ? AND revoked_at IS NOT NULL", SESSION), path + " revoked the session");
    }

    @Test
    void theSameRawSessionRevokeWithTheSecretDoesRevoke() {
        // proves the session spellings above would have shown a bypass
        java.util.UUID other = java.util.UUID.randomUUID();
        io.latchkey.token.Fixtures.update("INSERT INTO token.refresh_families (family_id, grant_id, client_id, subject, "
                + "family_expires_at) VALUES (?, ?, 'latchkey-cli', 'user-1', now() + interval '1 day')", other, SESSION_GRANT);
        RawRequests.Answer answer = RawRequests.send(RestAssured.port, "POST",
                "/internal/grants/" + SESSION_GRANT + "/sessions/" + other + "/revoke",
                "X-Latchkey-Internal: test-internal-secret\r\n", null);
        assertEquals(200, answer.status(), answer.body());
        assertEquals(List.of(1L), io.latchkey.token.Fixtures.column("SELECT count(*) FROM token.refresh_families "
                + "WHERE family_id = ? AND revoked_at IS NOT NULL", other));
    }

    @Test
    void theSameRawRequestWithTheSecretDoesMint() {
        // proves the requests above would have shown a bypass: the harness reaches the resource when allowed to
        RawRequests.Answer answer = RawRequests.send(RestAssured.port, "POST", "/internal/tokens",
                JSON + "X-Latchkey-Internal: test-internal-secret\r\n", MINT);
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.body().contains("access_token"), answer.body());
    }

    @Test
    void theIdentitySecretDoesNotOpenAnInternalRoute() {
        RawRequests.Answer answer = RawRequests.send(RestAssured.port, "POST", "/internal/tokens",
                JSON + "X-Latchkey-Identity: dev-identity-secret-0123456789abcdef\r\n"
                        + "X-Latchkey-Internal: dev-identity-secret-0123456789abcdef\r\n", MINT);
        assertEquals(401, answer.status(), answer.body());
    }

    static void assertRefused(RawRequests.Answer answer, String path) {
        assertTrue(List.of(400, 401, 404).contains(answer.status()), path + " answered " + answer.status() + ": " + answer.body());
    }
}
