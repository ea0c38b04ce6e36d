package io.latchkey.consent.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.latchkey.consent.Browser;
import io.latchkey.consent.InternalServicesStub;
import io.latchkey.consent.TestUsers;
import io.latchkey.testsupport.FreshDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** OpenID Connect RP-Initiated Logout 1.0 at /oauth/logout. */
@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(InternalServicesStub.class)
class EndSessionResourceTest {

    private static final String LOGGED_OUT = "http://127.0.0.1:9090/logged-out";

    private static Browser signedIn() throws Exception {
        return Browser.signedInAsNewUser("logout");
    }

    /** An ID Token token-service would accept as a hint for this user and client. */
    private static String hintFor(Browser browser, String clientId) throws Exception {
        String hint = "hint-" + UUID.randomUUID();
        InternalServicesStub.HINTS.put(hint, new String[] {TestUsers.idOf(browser.username).toString(), clientId});
        return hint;
    }

    private static boolean signedIn(Browser browser) {
        // the account page needs a session: without one it sends the browser to sign in
        return browser.get("/account/authorized-apps").statusCode() == 200;
    }

    @Test
    void aValidHintForTheSignedInUserEndsTheSessionAndGoesBackWithState() throws Exception {
        Browser browser = signedIn();
        browser.getQuery("/oauth/logout", "id_token_hint", hintFor(browser, "partner-web"),
                        "post_logout_redirect_uri", LOGGED_OUT, "state", "bye 1")
                .then().statusCode(303)
                .header("Location", equalTo(LOGGED_OUT + "?state=bye+1"))
                .header("Set-Cookie", containsString("lk_session=;"));
        org.junit.jupiter.api.Assertions.assertFalse(signedIn(browser));
    }

    @Test
    void postWorksLikeGet() throws Exception {
        Browser browser = signedIn();
        browser.post("/oauth/logout", Map.of("id_token_hint", hintFor(browser, "partner-web"), "client_id", "partner-web",
                        "post_logout_redirect_uri", LOGGED_OUT))
                .then().statusCode(303).header("Location", equalTo(LOGGED_OUT));
        org.junit.jupiter.api.Assertions.assertFalse(signedIn(browser));
    }

    @Test
    void anUnregisteredRedirectIsAnErrorPageAndTheSessionStays() throws Exception {
        Browser browser = signedIn();
        for (String uri : new String[] {"https://evil.example/", LOGGED_OUT + "/x", "http://127.0.0.1:9090/callback"}) {
            browser.getQuery("/oauth/logout", "id_token_hint", hintFor(browser, "partner-web"),
                            "post_logout_redirect_uri", uri, "state", "s")
                    .then().statusCode(400).header("Location", nullValue())
                    .body(containsString("has not registered"));
        }
        org.junit.jupiter.api.Assertions.assertTrue(signedIn(browser));
    }

    @Test
    void withoutAHintTheUserConfirmsSoNoThirdPartyCanSignThemOutSilently() throws Exception {
        Browser browser = signedIn();
        Response page = browser.getQuery("/oauth/logout", "client_id", "partner-web",
                "post_logout_redirect_uri", LOGGED_OUT, "state", "st");
        page.then().statusCode(200).body(containsString("Sign out of Latchkey?"))
                .body(containsString("Acme Insights asks to sign you out"));
        org.junit.jupiter.api.Assertions.assertTrue(signedIn(browser), "nothing happens before the user confirms");
        Map<String, String> form = new LinkedHashMap<>(AuthorizeResourceTest.consentForm(page));
        form.put("decision", "sign_out");
        browser.post("/oauth/logout/confirm", form).then().statusCode(303).header("Location", equalTo(LOGGED_OUT + "?state=st"));
        org.junit.jupiter.api.Assertions.assertFalse(signedIn(browser));
    }

    @Test
    void aHintForAnotherUserOrAnInvalidHintAsksTooAndAForgedConfirmationIsRefused() throws Exception {
        Browser browser = signedIn();
        Browser other = signedIn();
        browser.getQuery("/oauth/logout", "id_token_hint", hintFor(other, "partner-web"))
                .then().statusCode(200).body(containsString("Sign out of Latchkey?"));
        browser.getQuery("/oauth/logout", "id_token_hint", "not-a-token")
                .then().statusCode(200).body(containsString("Sign out of Latchkey?"));
        browser.post("/oauth/logout/confirm", Map.of("csrf", "forged", "decision", "sign_out"))
                .then().statusCode(403);
        org.junit.jupiter.api.Assertions.assertTrue(signedIn(browser));
    }

    @Test
    void withoutASessionThereIsNothingToEndAndTheRegisteredUriIsHonoured() {
        new Browser().getQuery("/oauth/logout", "client_id", "partner-web", "post_logout_redirect_uri", LOGGED_OUT,
                "state", "x").then().statusCode(303).header("Location", equalTo(LOGGED_OUT + "?state=x"));
        new Browser().get("/oauth/logout").then().statusCode(200).body(containsString("You are signed out"));
    }

    @Test
    void aRedirectWithoutAClientOrAHintForAnotherClientIsRefused() throws Exception {
        Browser browser = signedIn();
        browser.getQuery("/oauth/logout", "post_logout_redirect_uri", LOGGED_OUT)
                .then().statusCode(400).header("Location", nullValue());
        browser.getQuery("/oauth/logout", "id_token_hint", hintFor(browser, "partner-web"), "client_id", "partner-native")
                .then().statusCode(400).body(containsString("two different applications"));
        browser.getQuery("/oauth/logout", "client_id", "nobody", "post_logout_redirect_uri", LOGGED_OUT)
                .then().statusCode(400).header("Location", nullValue());
        org.junit.jupiter.api.Assertions.assertTrue(signedIn(browser));
    }

    @Test
    void hostileInputGetsAFastErrorPage() throws Exception {
        Browser browser = signedIn();
        browser.getQuery("/oauth/logout", "state", "a", "state", "b").then().statusCode(400)
                .contentType(startsWith("text/html"));
        browser.getEncoded("/oauth/logout?state=%c3%28").then().statusCode(400).contentType(startsWith("text/html"));
        browser.getQuery("/oauth/logout", "state", "s".repeat(513)).then().statusCode(400);
        browser.getQuery("/oauth/logout", "id_token_hint", "h".repeat(2049)).then().statusCode(400);
        io.restassured.RestAssured.given().contentType("application/json").body("{}").post("/oauth/logout")
                .then().statusCode(400).contentType(startsWith("text/html"));
        org.junit.jupiter.api.Assertions.assertTrue(signedIn(browser));
    }
}
