package io.latchkey.gateway.bearer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.latchkey.gateway.support.RawHttp;
import io.latchkey.gateway.support.StubServices;
import io.latchkey.gateway.support.TestTokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** RFC 6750 at the gateway on /api/v1/**: one test per rule. The stub consent-service echoes what reached it. */
@QuarkusTest
@WithTestResource(StubServices.class)
class BearerAuthTest {

    private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\", error_description=\"";

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "latchkey.redis.key-prefix")
    String prefix;

    private static ValidatableResponse me(String token) {
        return given().header("Authorization", "Bearer " + token).get("/api/v1/me").then();
    }

    private static void invalidToken(String token, String description) {
        me(token).statusCode(401)
                .header("WWW-Authenticate", INVALID_TOKEN + description + "\"")
                .header("Cache-Control", "no-store")
                .contentType(startsWith("application/json"))
                .body("error", equalTo("invalid_token"))
                .body("error_description", equalTo(description));
    }

    @Test
    void aValidTokenReachesTheServiceWithTheVerifiedIdentityInsteadOfTheToken() {
        JsonObject claims = TestTokens.claims();
        me(TestTokens.sign(claims)).statusCode(200)
                .body("service", equalTo("consent-service"))
                .body("path", equalTo("/api/v1/me"))
                .body("headers.'x-latchkey-subject'", equalTo("user-1"))
                .body("headers.'x-latchkey-client-id'", equalTo("latchkey-cli"))
                .body("headers.'x-latchkey-scope'", equalTo("profile db:read"))
                .body("headers.'x-latchkey-grant-id'", equalTo(claims.getString("gid")))
                .body("headers.'x-latchkey-internal'", nullValue())
                .body("headers.'x-latchkey-identity'", equalTo("dev-identity-secret-0123456789abcdef"))
                .body("headers.authorization", nullValue());
    }

    @Test
    void aBearerRouteBodyIsReadWholeAndForwardedIntactAndTooLargeOneIs413FromTheGateway() {
        String token = TestTokens.sign(TestTokens.claims().put("scope", "admin"));
        String json = "{\"client_name\":\"Acme\"}";
        given().header("Authorization", "Bearer " + token).contentType("application/json").body(json)
                .post("/admin/clients").then().statusCode(200)
                .body("service", equalTo("token-service"))
                .body("body", equalTo(json));
        // like every forwarded body (latchkey.gateway.max-forwarded-body): never streamed to a service that would answer
        // 413 and close the connection while the gateway is still writing
        given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"client_name\":\"" + "A".repeat(40_000) + "\"}")
                .post("/admin/clients").then().statusCode(413).body("error", equalTo("invalid_request"));
    }

    @Test
    void identityHeadersSentByTheClientAreReplacedNotForwarded() {
        given().header("Authorization", "Bearer " + TestTokens.sign(TestTokens.claims()))
                .header("X-Latchkey-Subject", "admin")
                .header("X-Latchkey-Client-Id", "evil")
                .header("X-Latchkey-Scope", "db:write")
                .header("X-Latchkey-Grant-Id", "someone-elses")
                .header("X-Latchkey-Internal", "guess")
                .header("X-Latchkey-Identity", "guess")
                .get("/api/v1/me")
                .then().statusCode(200)
                .body("headers.'x-latchkey-subject'", equalTo("user-1"))
                .body("headers.'x-latchkey-client-id'", equalTo("latchkey-cli"))
                .body("headers.'x-latchkey-scope'", equalTo("profile db:read"))
                .body("headers.'x-latchkey-internal'", nullValue())
                .body("headers.'x-latchkey-identity'", equalTo("dev-identity-secret-0123456789abcdef"));
    }

    @Test
    void aTokenWithoutAGrantForwardsNoGrantId() {
        JsonObject claims = TestTokens.claims();
        claims.remove("gid");
        me(TestTokens.sign(claims)).statusCode(200).body("headers.'x-latchkey-grant-id'", nullValue());
    }

    @Test
    void anRs256TokenVerifiesAgainstItsRsaKey() {
        me(TestTokens.sign(TestTokens.header(TestTokens.RS_KID), TestTokens.claims(), TestTokens.RS_KID))
                .statusCode(200);
    }

    @Test
    void withoutATokenTheAnswerIs401WithABareChallenge() {
        // RFC 6750 §3.1: no error code when the request carried no authentication
        given().get("/api/v1/me").then().statusCode(401)
                .header("Connection", nullValue()) // nothing unread: the connection stays open for the next request
                .header("WWW-Authenticate", "Bearer realm=\"latchkey\"")
                .body(emptyString());
    }

    @Test
    void anotherAuthenticationSchemeCountsAsNoToken() {
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/me").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer realm=\"latchkey\"");
    }

    @Test
    void aTokenInTheQueryIsNotAccepted() {
        // RFC 6750 §2.3: the URI query method is not supported here (it leaks tokens into logs)
        given().queryParam("access_token", TestTokens.sign(TestTokens.claims())).get("/api/v1/me").then()
                .statusCode(401).header("WWW-Authenticate", "Bearer realm=\"latchkey\"");
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        given().header("Authorization", "bearer " + TestTokens.sign(TestTokens.claims())).get("/api/v1/me")
                .then().statusCode(200);
    }

    @ParameterizedTest(name = "Authorization: \"{0}\"")
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer a b", "Bearer ab=c", "Bearer !!"})
    void aMalformedBearerCredentialIsInvalidRequest(String authorization) {
        // RFC 6750 §2.1 / §3.1: the credential must be a b64token; a malformed request is invalid_request (400)
        given().header("Authorization", authorization).get("/api/v1/me").then().statusCode(400)
                .header("WWW-Authenticate", startsWith("Bearer error=\"invalid_request\""))
                .body("error", equalTo("invalid_request"));
    }

    @Test
    void aTokenSentTwoWaysIsInvalidRequest() {
        // RFC 6750 §2: clients MUST NOT use more than one method to send the token
        String token = TestTokens.sign(TestTokens.claims());
        given().header("Authorization", "Bearer " + token).queryParam("access_token", token).get("/api/v1/me")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"not-a-jwt", "a.b", "a.b.c.d", "e30.e30.", "!!!.e30.AAAA", "e30.e30.AAAA"})
    void aMalformedTokenIsInvalidToken(String token) {
        me(token.replace("!", "A")).statusCode(401)
                .header("WWW-Authenticate", startsWith(INVALID_TOKEN))
                .body("error", equalTo("invalid_token"));
    }

    @Test
    void aTamperedPayloadFailsTheSignature() {
        String token = TestTokens.sign(TestTokens.claims());
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + TestTokens.b64(TestTokens.claims().put("sub", "admin").encode()) + "." + parts[2];
        invalidToken(forged, "The token signature is invalid.");
    }

    @Test
    void aTokenSignedByAnUnpublishedKeyIsRejected() {
        TestTokens.add("never-published", "ES256", false);
        invalidToken(TestTokens.sign(TestTokens.header("never-published"), TestTokens.claims(), "never-published"),
                "The token was not signed by this server.");
    }

    @Test
    void aKeyPublishedAfterStartUpIsFetchedWhenATokenNamesIt() throws Exception {
        TestTokens.add("rotated-in", "ES256", true);
        Thread.sleep(400); // past the shortest gap between refetches in the test configuration
        me(TestTokens.sign(TestTokens.header("rotated-in"), TestTokens.claims(), "rotated-in")).statusCode(200);
    }

    @Test
    void anAlgorithmOtherThanTheKeysIsRejected() {
        // RFC 8725 §3.1: the header says RS256, the key is an ES256 key
        JsonObject header = TestTokens.header(TestTokens.ES_KID).put("alg", "RS256");
        invalidToken(TestTokens.sign(header, TestTokens.claims(), TestTokens.RS_KID),
                "The token's algorithm does not match its key.");
    }

    @Test
    void algNoneIsRejected() {
        JsonObject header = TestTokens.header(TestTokens.ES_KID).put("alg", "none");
        String token = TestTokens.b64(header.encode()) + "." + TestTokens.b64(TestTokens.claims().encode()) + ".AAAA";
        invalidToken(token, "The token is not signed with a supported algorithm.");
    }

    @ParameterizedTest(name = "typ {0}")
    @ValueSource(strings = {"JWT", "id_token+jwt", ""})
    void aJwtThatIsNotAnAccessTokenIsRejected(String typ) {
        // RFC 9068 §4: typ must be at+jwt
        JsonObject header = TestTokens.header(TestTokens.ES_KID).put("typ", typ);
        invalidToken(TestTokens.sign(header, TestTokens.claims(), TestTokens.ES_KID), "The token is not an access token.");
    }

    @Test
    void theMediaTypeFormOfTypIsAccepted() {
        JsonObject header = TestTokens.header(TestTokens.ES_KID).put("typ", "application/at+jwt");
        me(TestTokens.sign(header, TestTokens.claims(), TestTokens.ES_KID)).statusCode(200);
    }

    @Test
    void anotherIssuerIsRejected() {
        invalidToken(TestTokens.sign(TestTokens.claims().put("iss", "https://evil.example")),
                "The token was issued for another issuer.");
    }

    @Test
    void anotherAudienceIsRejected() {
        invalidToken(TestTokens.sign(TestTokens.claims().put("aud", "https://other.example")),
                "The token is meant for another audience.");
    }

    @Test
    void aTokenNotValidYetIsRejected() {
        // RFC 7519 §4.1.5, beyond the 10 s leeway: the same rule introspection applies (IntrospectionEndpointTest)
        long now = System.currentTimeMillis() / 1000;
        invalidToken(TestTokens.sign(TestTokens.claims().put("nbf", now + 60)), "The access token is not valid yet.");
    }

    @Test
    void anAudienceListNamingThisApiIsAccepted() {
        JsonObject claims = TestTokens.claims().put("aud", new JsonArray().add("https://other.example").add(TestTokens.AUDIENCE));
        me(TestTokens.sign(claims)).statusCode(200);
    }

    @Test
    void anExpiredTokenIsRejected() {
        long now = System.currentTimeMillis() / 1000;
        invalidToken(TestTokens.sign(TestTokens.claims().put("exp", now - 60)), "The access token expired.");
    }

    @Test
    void aTokenJustPastExpiryIsStillAcceptedWithinTheClockLeeway() {
        long now = System.currentTimeMillis() / 1000;
        me(TestTokens.sign(TestTokens.claims().put("exp", now - 2))).statusCode(200);
    }

    @Test
    void aTokenWithoutExpIsRejected() {
        JsonObject claims = TestTokens.claims();
        claims.remove("exp");
        invalidToken(TestTokens.sign(claims), "The access token expired.");
    }

    @Test
    void aTokenWithoutTheRoutesScopeIsInsufficientScope() {
        // RFC 6750 §3.1: 403 insufficient_scope, naming the scope needed
        me(TestTokens.sign(TestTokens.claims().put("scope", "db:read"))).statusCode(403)
                .header("WWW-Authenticate", startsWith("Bearer error=\"insufficient_scope\""))
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("scope=\"profile\""))
                .body("error", equalTo("insufficient_scope"));
    }

    @Test
    void otherApiRoutesNeedAValidTokenButNoParticularScope() {
        given().get("/api/v1/databases").then().statusCode(401);
        given().header("Authorization", "Bearer " + TestTokens.sign(TestTokens.claims().put("scope", "db:read")))
                .get("/api/v1/databases").then().statusCode(200).body("path", equalTo("/api/v1/databases"));
    }

    @Test
    void aGrantRevokedBeforeTheGatewayStartedIsRejected() {
        // the owner's durable list (token-service /internal/revocations) was loaded at start-up
        invalidToken(TestTokens.sign(TestTokens.claims().put("gid", StubServices.REVOKED_BEFORE_START)),
                "The access token has been revoked.");
    }

    @Test
    void aGrantRevokedThroughPubSubIsRejectedWithinASecond() throws Exception {
        JsonObject claims = TestTokens.claims();
        String token = TestTokens.sign(claims);
        me(token).statusCode(200);

        long published = System.nanoTime();
        redis.pubsub(String.class).publish(prefix + "revoked-grants", claims.getString("gid"));
        long elapsedMillis = untilRejected(token);

        assertTrue(elapsedMillis < 1000, "revoked after " + elapsedMillis + " ms");
        invalidToken(token, "The access token has been revoked.");
        // the grant, not just this token: another token of the same grant is refused too
        invalidToken(TestTokens.sign(TestTokens.claims().put("gid", claims.getString("gid"))),
                "The access token has been revoked.");
    }

    @Test
    void aTokenRevokedByJtiThroughPubSubIsRejectedAndItsGrantsOtherTokensAreNot() throws Exception {
        JsonObject claims = TestTokens.claims();
        String token = TestTokens.sign(claims);
        me(token).statusCode(200);

        redis.pubsub(String.class).publish(prefix + "revoked-jtis", claims.getString("jti"));
        untilRejected(token);

        me(TestTokens.sign(TestTokens.claims().put("gid", claims.getString("gid")))).statusCode(200);
    }

    @Test
    void aFamilyRevokedThroughPubSubIsRejectedWithinASecondAndTokensOfOtherFamiliesAreNot() throws Exception {
        // RFC 7009 §2.1 / RFC 9700 §4.14.2: revoking a refresh token (or its reuse) cuts off its family's access tokens
        String family = UUID.randomUUID().toString();
        JsonObject claims = TestTokens.claims().put("sid", family);
        String token = TestTokens.sign(claims);
        me(token).statusCode(200);

        redis.pubsub(String.class).publish(prefix + "revoked-families", family + " " + (System.currentTimeMillis() + 600_000));
        long elapsedMillis = untilRejected(token);

        assertTrue(elapsedMillis < 1000, "revoked after " + elapsedMillis + " ms");
        invalidToken(token, "The access token has been revoked.");
        // same grant, another family: still fine
        me(TestTokens.sign(TestTokens.claims().put("gid", claims.getString("gid")).put("sid", UUID.randomUUID().toString())))
                .statusCode(200);
    }

    @Test
    void anUnrelatedGrantsRevocationDoesNotAffectThisToken() throws Exception {
        String token = TestTokens.sign(TestTokens.claims());
        redis.pubsub(String.class).publish(prefix + "revoked-grants", UUID.randomUUID().toString());
        Thread.sleep(200);
        me(token).statusCode(200);
    }

    @Test
    void aClientDisabledThroughPubSubLosesItsTokensWithinASecondButNotTheOnesIssuedAfterwards() throws Exception {
        // disabling a client revokes all its grants: every token with its client_id and iat <= revoked_at
        String clientId = "client-" + UUID.randomUUID();
        long iat = System.currentTimeMillis() / 1000 - 5;
        JsonObject claims = TestTokens.claims().put("client_id", clientId).put("iat", iat).put("sub", clientId);
        claims.remove("gid");
        String token = TestTokens.sign(claims);
        me(token).statusCode(200);

        long revokedAt = System.currentTimeMillis();
        redis.pubsub(String.class).publish(prefix + "revoked-clients",
                clientId + " " + revokedAt + " " + (revokedAt + 600_000));
        long elapsedMillis = untilRejected(token);

        assertTrue(elapsedMillis < 1000, "revoked after " + elapsedMillis + " ms");
        invalidToken(token, "The access token has been revoked.");
        // enabled again later: a token issued after the revocation works
        me(TestTokens.sign(TestTokens.claims().put("client_id", clientId).put("iat", revokedAt / 1000 + 2))).statusCode(200);
        // other clients are not affected
        me(TestTokens.sign(TestTokens.claims().put("iat", iat))).statusCode(200);
    }

    @Test
    void aClientDisabledBeforeTheGatewayStartedIsLoadedFromTheDurableRecord() {
        invalidToken(TestTokens.sign(TestTokens.claims().put("client_id", StubServices.CLIENT_DISABLED_BEFORE_START)
                        .put("iat", StubServices.CLIENT_DISABLED_AT / 1000 - 1)), "The access token has been revoked.");
    }

    private static long untilRejected(String token) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < 5_000_000_000L) {
            int status = given().header("Authorization", "Bearer " + token).get("/api/v1/me").statusCode();
            if (status == 401) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            assertEquals(200, status);
            Thread.sleep(20);
        }
        throw new AssertionError("still accepted after 5 s");
    }

    /**
     * RFC 9112 §9.6: a 401 that leaves the body unread says Connection: close and closes, though the client did not
     * ask to (RawHttp reads to the end of the connection: one left open fails the test), and the request pipelined
     * behind it is never routed.
     */
    @Test
    void aRefusalThatLeavesTheBodyUnreadClosesTheConnection() {
        String marker = "after-401-" + UUID.randomUUID();
        RawHttp.Response response = RawHttp.exchange(
                "POST /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 2\r\n\r\n",
                "{}", "GET /login?" + marker + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertEquals(401, response.status(), response.head());
        assertEquals("close", RawHttp.header(response, "Connection"));
        assertFalse(response.body().contains("HTTP/1.1 "), response.body());
        assertFalse(StubServices.SEEN_URIS.stream().anyMatch(uri -> uri.contains(marker)), "the pipelined request was routed");
    }
}
