package io.latchkey.token;

import static io.latchkey.token.Fixtures.column;
import static io.latchkey.token.Fixtures.hash;
import static io.latchkey.token.Fixtures.mint;
import static io.latchkey.token.Fixtures.refresh;
import static io.latchkey.token.Fixtures.update;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.SignedJWT;

import io.latchkey.testsupport.FreshDatabase;
import io.latchkey.token.seed.DemoClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** RFC 6749 §6 refresh with RFC 9700 §4.14.2 rotation and reuse detection. */
@QuarkusTest
@TestProfile(TokenServiceProfile.class)
@QuarkusTestResource(FreshDatabase.class)
class RefreshTokenGrantTest {

    private static final String CLI = DemoClients.CLI;

    @Test
    void everyRefreshRotatesTheTokenAndAnswersANewAccessToken() {
        String first = mint(CLI, "profile db:read").getString("refresh_token");
        JsonPath next = refresh(CLI, first).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("access_token", notNullValue())
                .body("scope", equalTo("profile db:read"))
                .body("refresh_token", not(equalTo(first)))
                .extract().jsonPath();
        refresh(CLI, next.getString("refresh_token")).then().statusCode(200);
    }

    @Test
    void refreshTokensAreStoredOnlyAsHashes() {
        String token = mint(CLI, "db:read").getString("refresh_token");
        assertEquals(1L, column("SELECT count(*) FROM token.refresh_tokens WHERE token_hash = ?", hash(token)).get(0));
        assertEquals(0L, column("SELECT count(*) FROM token.refresh_tokens t WHERE t::text LIKE ?", "%" + token + "%").get(0),
                "the token itself appears nowhere in the table");
        assertTrue(token.length() >= 43, "at least 256 bits of randomness, base64url");
    }

    @Test
    void reusingARotatedTokenRevokesTheWholeFamilyAndKeepsItOnRecord() {
        String first = mint(CLI, "db:read").getString("refresh_token");
        String second = refresh(CLI, first).then().statusCode(200).extract().path("refresh_token");

        refresh(CLI, first).then().statusCode(400).body("error", equalTo("invalid_grant"));
        // the legitimate successor dies with its family
        refresh(CLI, second).then().statusCode(400).body("error", equalTo("invalid_grant"));

        List<Object> reasons = column("SELECT revoked_reason FROM token.refresh_tokens WHERE family_id = "
                + "(SELECT family_id FROM token.refresh_tokens WHERE token_hash = ?)", hash(first));
        assertEquals(List.of("reuse", "reuse"), reasons, "both rows kept, both revoked for reuse");
    }

    @Test
    void twentyConcurrentRefreshesOfOneTokenYieldExactlyOneNewTokenAndNoGracePeriod() throws Exception {
        String token = mint(CLI, "db:read").getString("refresh_token");
        List<String> winners = new ArrayList<>();
        int invalidGrant = 0;
        for (Response r : Fixtures.racingRefreshes(CLI, token, 20)) {
            if (r.statusCode() == 200) {
                winners.add(r.path("refresh_token"));
            } else if (r.statusCode() == 400 && "invalid_grant".equals(r.path("error"))) {
                invalidGrant++;
            }
        }
        assertEquals(1, winners.size(), "exactly one refresh succeeds");
        assertEquals(19, invalidGrant, "every other one is invalid_grant");
        assertEquals(2L, column("SELECT count(*) FROM token.refresh_tokens WHERE family_id = "
                + "(SELECT family_id FROM token.refresh_tokens WHERE token_hash = ?)", hash(token)).get(0),
                "one successor was stored, no more");
        // no grace period: the 19 losers presented a rotated token, which is reuse, so the family is revoked
        refresh(CLI, winners.get(0)).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void aNarrowerScopeAppliesToTheAccessTokenWhileTheRefreshTokenKeepsTheOriginal() throws Exception {
        String first = mint(CLI, "profile db:read").getString("refresh_token");
        JsonPath narrowed = refresh(CLI, first, "db:read").then().statusCode(200)
                .body("scope", equalTo("db:read")).extract().jsonPath();
        assertEquals("db:read", SignedJWT.parse(narrowed.getString("access_token")).getJWTClaimsSet().getStringClaim("scope"));
        // RFC 6749 §6: the new refresh token's scope is identical to the one presented
        refresh(CLI, narrowed.getString("refresh_token")).then().statusCode(200).body("scope", equalTo("profile db:read"));
    }

    @Test
    void aWiderScopeIsInvalidScopeAndDoesNotBurnTheToken() {
        String token = mint(CLI, "db:read").getString("refresh_token");
        refresh(CLI, token, "db:read db:write").then().statusCode(400).body("error", equalTo("invalid_scope"));
        refresh(CLI, token).then().statusCode(200).body("scope", equalTo("db:read"));
    }

    @Test
    void anotherClientCannotUseTheTokenNorBurnIt() {
        String token = mint(CLI, "db:read").getString("refresh_token");
        refresh(DemoClients.PARTNER_WEB, token).then().statusCode(400).body("error", equalTo("invalid_grant"));
        refresh(DemoClients.PARTNER_NATIVE, token).then().statusCode(400).body("error", equalTo("invalid_grant"));
        refresh(CLI, token).then().statusCode(200);
    }

    @Test
    void aTokenIdleForLongerThanTheIdleLifetimeIsInvalidGrant() {
        String token = mint(CLI, "db:read").getString("refresh_token");
        update("UPDATE token.refresh_tokens SET idle_expires_at = now() - interval '1 second' WHERE token_hash = ?", hash(token));
        refresh(CLI, token).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void aTokenPastTheAbsoluteLifetimeOfItsFamilyIsInvalidGrant() {
        String token = mint(CLI, "db:read").getString("refresh_token");
        update("UPDATE token.refresh_tokens SET family_expires_at = now() - interval '1 second' WHERE token_hash = ?", hash(token));
        refresh(CLI, token).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void aSuccessorNeverOutlivesTheAbsoluteLifetimeOfItsFamily() {
        String token = mint(CLI, "db:read").getString("refresh_token");
        update("UPDATE token.refresh_tokens SET family_expires_at = now() + interval '1 hour' WHERE token_hash = ?", hash(token));
        String next = refresh(CLI, token).then().statusCode(200).extract().path("refresh_token");
        assertEquals(true, column("SELECT idle_expires_at <= family_expires_at AND family_expires_at < now() + interval '2 hours' "
                + "FROM token.refresh_tokens WHERE token_hash = ?", hash(next)).get(0));
    }

    @Test
    void aRefreshUnderARevokedGrantFailsEvenBeforeItsTokensAreMarked() {
        String grant = Fixtures.newGrantId();
        String token = mint(CLI, "db:read", grant).getString("refresh_token");
        // only the grant record: the token row itself still looks live
        update("INSERT INTO token.revoked_grants (grant_id) VALUES (?)", grant);
        refresh(CLI, token).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void anUnknownTokenIsInvalidGrant() {
        refresh(CLI, "no-such-token-no-such-token-no-such-token-x").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void aMissingRefreshTokenIsInvalidRequest() {
        Fixtures.as(CLI).formParam("grant_type", "refresh_token").post("/oauth/token")
                .then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void aClientNotRegisteredForRefreshTokenIsUnauthorizedClient() {
        Fixtures.confidentialClient("cc-only-app", "cc-only-secret-0123456789abcdef", false, "client_credentials");
        io.restassured.RestAssured.given().auth().preemptive().basic("cc-only-app", "cc-only-secret-0123456789abcdef")
                .formParam("grant_type", "refresh_token").formParam("refresh_token", "whatever")
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("unauthorized_client"));
    }
}
