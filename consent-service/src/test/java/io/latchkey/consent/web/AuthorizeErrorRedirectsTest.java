package io.latchkey.consent.web;

import static io.latchkey.consent.web.AuthorizeResourceTest.ISS;
import static io.latchkey.consent.web.AuthorizeResourceTest.NATIVE;
import static io.latchkey.consent.web.AuthorizeResourceTest.NATIVE_REDIRECT;
import static io.latchkey.consent.web.AuthorizeResourceTest.WEB;
import static io.latchkey.consent.web.AuthorizeResourceTest.WEB_REDIRECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.latchkey.consent.Browser;
import io.latchkey.consent.InternalServicesStub;
import io.latchkey.consent.TestUsers;
import io.latchkey.testsupport.FreshDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every authorization-endpoint error that goes back to the client is one {@code OAuthError} value rendered on the
 * front channel: {@code error}, {@code error_description}, the request's {@code state} (RFC 6749 §4.1.2.1) and
 * {@code iss} (RFC 9207 §2), at the registered redirect URI, without a code.
 */
@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(InternalServicesStub.class)
class AuthorizeErrorRedirectsTest {

    private static final String STATE = "st ate/" + UUID.randomUUID();

    private static Browser signedIn() throws Exception {
        String username = "errors-" + UUID.randomUUID() + "@latchkey.dev";
        TestUsers.create(username, "pw-" + username, false);
        Browser browser = new Browser();
        browser.signIn(username, "pw-" + username).then().statusCode(303);
        browser.username = username;
        return browser;
    }

    private static Response web(Browser browser, String... pairs) {
        String[] all = Stream.concat(Stream.of("client_id", WEB, "redirect_uri", WEB_REDIRECT, "state", STATE),
                Stream.of(pairs)).toArray(String[]::new);
        return AuthorizeResourceTest.authorize(browser, all);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("unsupported_response_type", WEB_REDIRECT, true,
                        (Function<Browser, Response>) b -> web(b, "response_type", "token")),
                Arguments.of("invalid_request (no response_type)", WEB_REDIRECT, true,
                        (Function<Browser, Response>) b -> web(b, "scope", "db:read")),
                Arguments.of("invalid_request (repeated parameter)", WEB_REDIRECT, true,
                        (Function<Browser, Response>) b -> web(b, "response_type", "code", "scope", "db:read", "scope", "db:write")),
                Arguments.of("invalid_request (public client without PKCE)", NATIVE_REDIRECT, true,
                        (Function<Browser, Response>) b -> AuthorizeResourceTest.authorize(b, "response_type", "code",
                                "client_id", NATIVE, "redirect_uri", NATIVE_REDIRECT, "state", STATE)),
                Arguments.of("invalid_request (code_challenge_method plain)", WEB_REDIRECT, true,
                        (Function<Browser, Response>) b -> web(b, "response_type", "code", "scope", "db:read",
                                "code_challenge", AuthorizeResourceTest.challenge(), "code_challenge_method", "plain")),
                Arguments.of("invalid_request (prompt none with login)", WEB_REDIRECT, true,
                        (Function<Browser, Response>) b -> web(b, "response_type", "code", "scope", "openid",
                                "prompt", "none login")),
                Arguments.of("invalid_scope", WEB_REDIRECT, true,
                        (Function<Browser, Response>) b -> web(b, "response_type", "code", "scope", "db:read admin")),
                Arguments.of("login_required", WEB_REDIRECT, false,
                        (Function<Browser, Response>) b -> web(b, "response_type", "code", "scope", "openid", "prompt", "none")),
                Arguments.of("consent_required", WEB_REDIRECT, true,
                        (Function<Browser, Response>) b -> web(b, "response_type", "code", "scope", "openid profile",
                                "prompt", "none")));
    }

    @ParameterizedTest(name = "{0} goes back with error, error_description, state and iss")
    @MethodSource("errors")
    void everyRedirectedErrorCarriesStateAndIss(String name, String redirectUri, boolean signIn,
                                                Function<Browser, Response> request) throws Exception {
        Response r = request.apply(signIn ? signedIn() : new Browser());
        assertEquals(303, r.statusCode(), r.asString());
        String location = r.header("Location");
        assertTrue(location.startsWith(redirectUri + "?"), location);
        Map<String, String> q = AuthorizeResourceTest.query(location);
        assertEquals(name.split(" ")[0], q.get("error"));
        assertNotNull(q.get("error_description"));
        assertEquals(STATE, q.get("state"));
        assertEquals(ISS, q.get("iss"));
        assertFalse(q.containsKey("code"));
        assertEquals(Set.of("error", "error_description", "state", "iss"), q.keySet());
    }

    @Test
    void accessDeniedGoesBackWithStateAndIss() throws Exception {
        Browser browser = signedIn();
        Response r = AuthorizeResourceTest.decide(browser, AuthorizeResourceTest.webRequest(browser, "db:read"), "deny");
        assertEquals(303, r.statusCode());
        Map<String, String> q = AuthorizeResourceTest.query(r.header("Location"));
        assertEquals("access_denied", q.get("error"));
        assertNotNull(q.get("error_description"));
        assertEquals("st-" + "db:read".hashCode(), q.get("state"));
        assertEquals(ISS, q.get("iss"));
    }

    @Test
    void aLogOnlyDetailNeverReachesTheErrorPage() throws Exception {
        Browser browser = signedIn();
        Map<String, String> form = AuthorizeResourceTest.consentForm(AuthorizeResourceTest.webRequest(browser, "db:read"));
        form.put("decision", "maybe");
        Response r = browser.post("/consent", form);
        assertEquals(400, r.statusCode());
        assertTrue(r.asString().contains("Choose Allow or Deny."), r.asString());
        // ConsentResource attaches "unknown decision" as the log-only detail
        assertFalse(r.asString().contains("unknown decision"), r.asString());
    }
}
