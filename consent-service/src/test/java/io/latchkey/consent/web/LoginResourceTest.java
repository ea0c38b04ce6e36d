package io.latchkey.consent.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.latchkey.consent.Browser;
import io.latchkey.consent.InternalServicesStub;
import io.latchkey.consent.TestUsers;
import io.latchkey.consent.user.DemoSeed;
import io.latchkey.testsupport.FreshDatabase;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.latchkey.common.crypto.Secrets;

@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(InternalServicesStub.class)
class LoginResourceTest {

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "latchkey.redis.key-prefix")
    String prefix;

    @Test
    void demoUserIsSeededWithAnArgon2idHashNotThePassword() throws Exception {
        var rows = TestUsers.query("select display_name, password_hash from consent.users where username = ?",
                DemoSeed.USERNAME);
        assertEquals(1, rows.size());
        assertEquals("Demo User", rows.get(0).get("display_name"));
        String hash = (String) rows.get(0).get("password_hash");
        assertNotEquals(DemoSeed.PASSWORD, hash);
        org.junit.jupiter.api.Assertions.assertTrue(hash.startsWith("$argon2id$v=19$"));
    }

    @Test
    void signInWithTheRightPasswordSetsASessionCookieStoredUnderItsHash() {
        Browser browser = new Browser();
        Response r = browser.signIn(DemoSeed.USERNAME, DemoSeed.PASSWORD);

        r.then().statusCode(303).header("Location", "/");
        String setCookie = r.getHeaders().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("lk_session=")).findFirst().orElseThrow();
        org.hamcrest.MatcherAssert.assertThat(setCookie, containsString("HttpOnly"));
        org.hamcrest.MatcherAssert.assertThat(setCookie, containsString("SameSite=Lax"));
        org.hamcrest.MatcherAssert.assertThat(setCookie, containsString("Path=/"));
        String id = browser.cookies.get("lk_session");
        assertNotNull(id);
        assertEquals(43, id.length(), "256 random bits, base64url");

        Map<String, String> stored = redis.hash(String.class).hgetall(prefix + "session:" + Secrets.sha256Hex(id));
        assertEquals(DemoSeed.USERNAME, stored.get("username"));
        assertNotNull(stored.get("csrf"));
        assertEquals(0, redis.key().exists(prefix + "session:" + id) ? 1 : 0, "the raw id is never a key");
        org.junit.jupiter.api.Assertions.assertTrue(redis.key().ttl(prefix + "session:" + Secrets.sha256Hex(id)) > 0);

        browser.get("/").then().statusCode(200).body(containsString("Hello, Demo User"));
    }

    @Test
    void signingInAgainIssuesANewSessionIdAndDropsTheOldOne() {
        Browser browser = new Browser();
        browser.signIn(DemoSeed.USERNAME, DemoSeed.PASSWORD);
        String first = browser.cookies.get("lk_session");
        browser.signIn(DemoSeed.USERNAME, DemoSeed.PASSWORD);
        String second = browser.cookies.get("lk_session");
        assertNotEquals(first, second);
        assertEquals(false, redis.key().exists(prefix + "session:" + Secrets.sha256Hex(first)));
    }

    @Test
    void wrongPasswordIsRejectedWithAGenericMessage() {
        Browser browser = new Browser();
        browser.signIn(DemoSeed.USERNAME, "wrong-password")
                .then().statusCode(401)
                .contentType(containsString("text/html"))
                .body(containsString("The email address or password is incorrect."))
                .body(not(containsString("wrong-password")));
        assertNull(browser.cookies.get("lk_session"));
    }

    @Test
    void unknownUserGetsExactlyTheSameMessageAsAWrongPassword() {
        new Browser().signIn("nobody@latchkey.dev", "whatever")
                .then().statusCode(401)
                .body(containsString("The email address or password is incorrect."));
    }

    @Test
    void disabledUserCannotSignInEvenWithTheRightPassword() throws Exception {
        TestUsers.create("disabled@latchkey.dev", "right-password", true);
        new Browser().signIn("disabled@latchkey.dev", "right-password")
                .then().statusCode(401)
                .body(containsString("The email address or password is incorrect."));
    }

    @Test
    void aSignInUpgradesAHashMadeWithAnotherCostAndAWrongPasswordDoesNot() throws Exception {
        // a hash from before the default changed (19 MiB, 2 passes); the configured cost is 7 MiB, 5 passes
        java.util.UUID id = TestUsers.create("old-cost@latchkey.dev", "right-password", false,
                new io.latchkey.consent.login.PasswordHasher(19456, 2, 1));
        String before = hashOf(id);

        new Browser().signIn("old-cost@latchkey.dev", "wrong-password").then().statusCode(401);
        assertEquals(before, hashOf(id), "a wrong password never touches the stored hash");

        new Browser().signIn("old-cost@latchkey.dev", "right-password").then().statusCode(303);
        String after = hashOf(id);
        org.junit.jupiter.api.Assertions.assertTrue(after.startsWith("$argon2id$v=19$m=7168,t=5,p=1$"), after);
        org.junit.jupiter.api.Assertions.assertTrue(
                new io.latchkey.consent.login.PasswordHasher(7168, 5, 1).verify("right-password", after));

        // the upgraded hash signs in, and is not made again
        new Browser().signIn("old-cost@latchkey.dev", "right-password").then().statusCode(303);
        assertEquals(after, hashOf(id));
    }

    private static String hashOf(java.util.UUID id) throws Exception {
        return (String) TestUsers.query("select password_hash from consent.users where id = ?", id)
                .get(0).get("password_hash");
    }

    @Test
    void successfulSignInGoesBackToARelativeReturnTo() {
        Browser browser = new Browser();
        String csrf = Browser.csrfOf(browser.get("/login?return_to=/device?user_code%3DBCDF-GHJK"));
        browser.post("/login", Map.of("username", DemoSeed.USERNAME, "password", DemoSeed.PASSWORD, "csrf", csrf,
                        "return_to", "/device?user_code=BCDF-GHJK"))
                .then().statusCode(303).header("Location", "/device?user_code=BCDF-GHJK");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "https://evil.example", "/\\evil"})
    void openRedirectAttemptsInReturnToGoHome(String returnTo) {
        Browser browser = new Browser();
        String csrf = Browser.csrfOf(browser.get("/login"));
        browser.post("/login", Map.of("username", DemoSeed.USERNAME, "password", DemoSeed.PASSWORD, "csrf", csrf,
                        "return_to", returnTo))
                .then().statusCode(303).header("Location", "/");
    }

    @Test
    void aReturnToWithAControlCharacterIsRefusedWithoutAnyRedirect() {
        // the one form reader refuses control characters outright (issue 9): no session, no Location
        Browser browser = new Browser();
        String csrf = Browser.csrfOf(browser.get("/login"));
        browser.post("/login", Map.of("username", DemoSeed.USERNAME, "password", DemoSeed.PASSWORD, "csrf", csrf,
                        "return_to", "/\t/evil.example"))
                .then().statusCode(400).header("Location", org.hamcrest.Matchers.nullValue());
        assertNull(browser.cookies.get("lk_session"));
    }

    @Test
    void signInWithoutTheCsrfTokenIsForbidden() {
        Browser browser = new Browser();
        browser.get("/login");
        browser.post("/login", Map.of("username", DemoSeed.USERNAME, "password", DemoSeed.PASSWORD))
                .then().statusCode(403);
        assertNull(browser.cookies.get("lk_session"));
    }

    @Test
    void signInWithAWrongCsrfTokenIsForbidden() {
        Browser browser = new Browser();
        browser.get("/login");
        browser.post("/login", Map.of("username", DemoSeed.USERNAME, "password", DemoSeed.PASSWORD,
                        "csrf", Secrets.random256()))
                .then().statusCode(403);
    }

    @Test
    void signInWithoutTheCsrfCookieIsForbidden() {
        String csrf = Browser.csrfOf(new Browser().get("/login"));
        new Browser().post("/login", Map.of("username", DemoSeed.USERNAME, "password", DemoSeed.PASSWORD, "csrf", csrf))
                .then().statusCode(403);
    }

    @Test
    void signOutDeletesTheSessionAndClearsTheCookie() {
        Browser browser = new Browser();
        browser.signIn(DemoSeed.USERNAME, DemoSeed.PASSWORD);
        String id = browser.cookies.get("lk_session");
        String csrf = Browser.csrfOf(browser.get("/"));

        Response r = browser.post("/logout", Map.of("csrf", csrf));

        r.then().statusCode(303).header("Location", "/");
        org.hamcrest.MatcherAssert.assertThat(r.getHeader("Set-Cookie"), containsString("Max-Age=0"));
        assertEquals(false, redis.key().exists(prefix + "session:" + Secrets.sha256Hex(id)));
        given().cookie("lk_session", id).get("/").then().statusCode(200).body(containsString("Sign in"));
    }

    @Test
    void signOutWithAWrongCsrfTokenIsForbiddenAndKeepsTheSession() {
        Browser browser = new Browser();
        browser.signIn(DemoSeed.USERNAME, DemoSeed.PASSWORD);
        String id = browser.cookies.get("lk_session");
        browser.post("/logout", Map.of("csrf", "nope")).then().statusCode(403);
        assertEquals(true, redis.key().exists(prefix + "session:" + Secrets.sha256Hex(id)));
    }

    @Test
    void forgedAddressHeadersWithoutTheGatewaysProofAllCountAsTheSocketPeer() throws Exception {
        // a client that reaches consent-service directly cannot pick a fresh IP per guess to dodge the per-IP limit:
        // 25 guesses at 25 different accounts (1 failure each, under the per-account limit) from 25 forged addresses
        // are all counted against the one socket peer, which is past its 20 free failures
        boolean limited = false;
        for (int i = 0; i < 25 && !limited; i++) {
            int status = Browser.withoutGatewayProof("203.0.113." + (i + 1))
                    .signIn("forged-ip-" + i + "-" + System.nanoTime() + "@latchkey.dev", "wrong").then()
                    .extract().statusCode();
            limited = status == 429;
        }
        assertEquals(true, limited, "forged X-Forwarded-For / X-Latchkey-Client-IP addresses escaped the per-IP limit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login", "/login?return_to=//evil"})
    void everyPageForbidsFramingAndCaching(String path) {
        given().get(path).then()
                .statusCode(200)
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer");
    }

    @Test
    void errorPagesForbidFramingToo() {
        new Browser().post("/login", Map.of("username", "x")).then()
                .statusCode(403)
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void loginFormEscapesWhatItEchoes() {
        given().get("/login?return_to=/%22%3E%3Cscript%3E").then()
                .statusCode(200)
                .body(not(containsString("\"><script>")));
    }

    @Test
    void homeShowsASignInLinkWhenSignedOut() {
        given().get("/").then().statusCode(200).body(containsString("href=\"/login\""))
                .contentType(containsString("text/html"));
    }
}
