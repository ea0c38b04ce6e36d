package io.latchkey.token;

import static io.latchkey.token.Fixtures.column;
import static io.latchkey.token.Fixtures.hash;
import static io.latchkey.token.Fixtures.mint;
import static io.latchkey.token.Fixtures.refresh;
import static io.latchkey.token.Fixtures.update;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.latchkey.testsupport.FreshDatabase;
import io.latchkey.token.seed.DemoClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * RFC 9700 §4.14.2 / RFC 6749 §10.4 with {@code latchkey.token.refresh-reuse-interval=PT30S}: the just-rotated token,
 * presented again by the same client within the interval, yields another successor in the same family; past it, reuse
 * revokes the family as in strict mode ({@link RefreshTokenGrantTest} holds the strict default).
 */
@QuarkusTest
@TestProfile(ReuseIntervalProfile.class)
@QuarkusTestResource(FreshDatabase.class)
class RefreshReuseIntervalTest {

    private static final String CLI = DemoClients.CLI;

    @Test
    void twentyConcurrentRefreshesOfOneTokenAllSucceedAndTheFamilyLives() throws Exception {
        String token = mint(CLI, "db:read").getString("refresh_token");
        List<String> successors = new ArrayList<>();
        for (Response r : Fixtures.racingRefreshes(CLI, token, 20)) {
            assertEquals(200, r.statusCode(), r.asString());
            successors.add(r.path("refresh_token"));
        }
        assertEquals(20, new HashSet<>(successors).size(), "twenty distinct successors");
        assertEquals(21L, column("SELECT count(*) FROM token.refresh_tokens WHERE family_id = "
                + "(SELECT family_id FROM token.refresh_tokens WHERE token_hash = ?) AND revoked_at IS NULL",
                hash(token)).get(0), "the presented token and its twenty successors, none revoked");
        assertEquals(0L, column("SELECT count(*) FROM token.revoked_families WHERE family_id = "
                + "(SELECT family_id FROM token.refresh_tokens WHERE token_hash = ?)", hash(token)).get(0));
        // every successor is a live member of the family
        for (String s : successors) {
            refresh(CLI, s).then().statusCode(200);
        }
    }

    @Test
    void theJustRotatedTokenPresentedAgainWithinTheIntervalGetsAnotherSuccessorInTheSameFamily() {
        String first = mint(CLI, "profile db:read").getString("refresh_token");
        String second = refresh(CLI, first).then().statusCode(200).extract().path("refresh_token");
        String again = refresh(CLI, first).then().statusCode(200)
                .body("scope", equalTo("profile db:read")).extract().path("refresh_token");
        assertEquals(column("SELECT family_id FROM token.refresh_tokens WHERE token_hash = ?", hash(first)),
                column("SELECT family_id FROM token.refresh_tokens WHERE token_hash = ?", hash(again)));
        refresh(CLI, second).then().statusCode(200);
        refresh(CLI, again).then().statusCode(200);
    }

    @Test
    void aSuccessorIssuedWithinTheIntervalKeepsTheSignInSoItsRefreshStillCarriesAnIdToken() {
        // OIDC Core §12.2: a refresh of an openid grant returns an ID Token; the reuse successor must keep the sign-in
        String grant = Fixtures.newGrantId();
        String first = io.restassured.RestAssured.given().header("X-Latchkey-Internal", Fixtures.INTERNAL_SECRET)
                .contentType(io.restassured.http.ContentType.JSON)
                .body("{\"client_id\":\"" + CLI + "\",\"subject\":\"user-9\",\"scope\":\"openid db:read\","
                        + "\"grant_id\":\"" + grant + "\",\"grant_type\":\"" + Fixtures.DEVICE_GRANT + "\","
                        + "\"identity\":{\"auth_time\":" + (System.currentTimeMillis() / 1000 - 60) + "}}")
                .post("/internal/tokens").then().statusCode(200).body("id_token", notNullValue())
                .extract().path("refresh_token");
        refresh(CLI, first).then().statusCode(200).body("id_token", notNullValue());
        String again = refresh(CLI, first).then().statusCode(200).body("id_token", notNullValue())
                .extract().path("refresh_token");
        refresh(CLI, again).then().statusCode(200).body("id_token", notNullValue());
    }

    @Test
    void pastTheIntervalItIsReuseAndTheFamilyIsRevoked() {
        String first = mint(CLI, "db:read").getString("refresh_token");
        String second = refresh(CLI, first).then().statusCode(200).extract().path("refresh_token");
        update("UPDATE token.refresh_tokens SET rotated_at = now() - interval '31 seconds' WHERE token_hash = ?", hash(first));
        refresh(CLI, first).then().statusCode(400).body("error", equalTo("invalid_grant"));
        refresh(CLI, second).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void anotherClientPresentingTheJustRotatedTokenGetsNothing() {
        String first = mint(CLI, "db:read").getString("refresh_token");
        String second = refresh(CLI, first).then().statusCode(200).extract().path("refresh_token");
        refresh(DemoClients.PARTNER_NATIVE, first).then().statusCode(400).body("error", equalTo("invalid_grant"));
        refresh(CLI, second).then().statusCode(200);
    }

    @Test
    void aRevokedFamilyIsNotRevivedWithinTheInterval() {
        String first = mint(CLI, "db:read").getString("refresh_token");
        String second = refresh(CLI, first).then().statusCode(200).extract().path("refresh_token");
        Fixtures.revoke(CLI, second).then().statusCode(200);
        refresh(CLI, first).then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    @Test
    void aWiderScopeWithinTheIntervalIsStillInvalidScope() {
        String first = mint(CLI, "db:read").getString("refresh_token");
        refresh(CLI, first).then().statusCode(200);
        Fixtures.refresh(CLI, first, "db:read db:write").then().statusCode(400).body("error", equalTo("invalid_scope"));
    }
}
