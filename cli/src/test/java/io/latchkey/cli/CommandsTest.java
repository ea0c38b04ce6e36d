package io.latchkey.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;


/** Every command against a real local HTTP server answering like the RFCs, through the real command line. */
class CommandsTest extends CliAgainstServer {


    private void loggedIn(String access, String refresh, Instant expiresAt) {
        store().save(new Credentials(server.issuer, "latchkey-cli", server.issuer + "/oauth/token",
                server.issuer + "/oauth/revoke", access, refresh, "profile db:read", expiresAt));
    }

    @Test
    void loginPrintsTheCodeAndUriOnTheirOwnLinesPollsAndStoresTheTokens() {
        server.tokenReplies.add(RfcServer.Reply.json(400, "{\"error\":\"authorization_pending\"}"));
        server.tokenReplies.add(RfcServer.Reply.json(200, RfcServer.tokens("at-1", "rt-1", 600)));
        assertEquals(Exit.OK, run("login", "--no-browser"), err.toString());
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.contains("WDJB-MJHT"), out.toString());
        assertTrue(lines.contains(server.issuer + "/device"), out.toString());
        assertTrue(out.toString().contains("▀") || out.toString().contains("▄"), "a QR code in half blocks");
        Credentials c = store().load(server.issuer).orElseThrow();
        assertEquals("at-1", c.accessToken());
        assertEquals("rt-1", c.refreshToken());
        assertFalse(out.toString().contains("rt-1") || out.toString().contains("at-1"), "tokens are never printed by login");
        RfcServer.Received device = server.to("/oauth/device_authorization").get(0);
        assertEquals(Map.of("client_id", "latchkey-cli", "scope", "profile db:read"), device.form());
        // issue 13 contract item 6: the device request names the CLI, its OS and host for the account page
        assertEquals(List.of(CliUserAgent.current()), device.headers().get("User-agent"));
        assertTrue(CliUserAgent.current().matches("latchkey-cli/[0-9.]+( \\([^;()]+; [^;()]+\\))?"), CliUserAgent.current());
        RfcServer.Received poll = server.to("/oauth/token").get(0);
        // RFC 8628 §3.4
        assertEquals(Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code", "device_code", "dc-1",
                "client_id", "latchkey-cli"), poll.form());
    }

    @Test
    void slowDownMakesEveryLaterPollFiveSecondsLater() {
        server.tokenReplies.add(RfcServer.Reply.json(400, "{\"error\":\"slow_down\"}"));
        server.tokenReplies.add(RfcServer.Reply.json(400, "{\"error\":\"authorization_pending\"}"));
        server.tokenReplies.add(RfcServer.Reply.json(200, RfcServer.tokens("at-1", "rt-1", 600)));
        assertEquals(Exit.OK, run("login", "--no-browser"), err.toString());
        List<RfcServer.Received> polls = server.to("/oauth/token");
        assertEquals(3, polls.size());
        Duration afterSlowDown = Duration.between(polls.get(0).at(), polls.get(1).at());
        Duration next = Duration.between(polls.get(1).at(), polls.get(2).at());
        assertTrue(afterSlowDown.compareTo(Duration.ofSeconds(6)) >= 0, "1 s + 5 s after slow_down, was " + afterSlowDown);
        assertTrue(next.compareTo(Duration.ofSeconds(6)) >= 0, "and for every later poll, was " + next);
    }

    @Test
    void aDenialExitsFourWithAClearMessageAndStoresNothing() {
        server.tokenReplies.add(RfcServer.Reply.json(400, "{\"error\":\"access_denied\"}"));
        assertEquals(Exit.ACCESS_DENIED, run("login", "--no-browser"));
        assertTrue(err.toString().contains("Access denied"), err.toString());
        assertTrue(store().load(server.issuer).isEmpty());
    }

    @Test
    void anExpiredCodeExitsFive() {
        server.tokenReplies.add(RfcServer.Reply.json(400, "{\"error\":\"expired_token\"}"));
        assertEquals(Exit.EXPIRED, run("login", "--no-browser"));
        assertTrue(err.toString().contains("expired"), err.toString());
    }

    @Test
    void aCodePastItsExpiryStopsPollingEvenWhenTheServerIsDown() {
        server.expiresIn = 2;
        for (int i = 0; i < 10; i++) {
            server.tokenReplies.add(RfcServer.Reply.json(502, "bad gateway"));
        }
        assertEquals(Exit.EXPIRED, run("login", "--no-browser"));
    }

    @Test
    void a503WithRetryAfterIsWaitedOutThenPollingGoesOn() {
        server.tokenReplies.add(new RfcServer.Reply(503, "{\"error\":\"temporarily_unavailable\"}", Map.of("Retry-After", "3")));
        server.tokenReplies.add(RfcServer.Reply.json(200, RfcServer.tokens("at-1", "rt-1", 600)));
        assertEquals(Exit.OK, run("login", "--no-browser"), err.toString());
        List<RfcServer.Received> polls = server.to("/oauth/token");
        assertTrue(Duration.between(polls.get(0).at(), polls.get(1).at()).compareTo(Duration.ofSeconds(3)) >= 0);
    }

    @Test
    void aDeviceAuthorizationAnswerWithoutAUserCodeIsRefusedBeforeAnyPoll() {
        // RFC 8628 §3.2: user_code is REQUIRED
        server.deviceAuthorizationBody = "{\"device_code\":\"dc\",\"verification_uri\":\"http://x/device\",\"expires_in\":60}";
        assertEquals(Exit.ERROR, run("login", "--no-browser"));
        assertTrue(err.toString().contains("RFC 8628 §3.2"), err.toString());
        assertTrue(server.to("/oauth/token").isEmpty());
    }

    @Test
    void metadataNamingAnotherIssuerIsRefused() {
        server.announcedIssuer = "https://evil.example";
        assertEquals(Exit.ERROR, run("login", "--no-browser"));
        assertTrue(err.toString().contains("RFC 8414"), err.toString());
        assertTrue(server.to("/oauth/device_authorization").isEmpty());
    }

    @Test
    void anUnreachableServerExitsSix() {
        server.close();
        assertEquals(Exit.UNAVAILABLE, run("login", "--no-browser"));
    }

    @Test
    void tokenPrintsTheStoredTokenWhileItIsValid() {
        loggedIn("at-valid", "rt-1", Instant.now().plusSeconds(600));
        assertEquals(Exit.OK, run("token"));
        assertEquals("at-valid", out.toString().trim());
        assertTrue(server.to("/oauth/token").isEmpty());
    }

    @Test
    void tokenRefreshesAnExpiredTokenAndStoresTheRotatedRefreshToken() throws Exception {
        loggedIn("at-old", "rt-old", Instant.now().minusSeconds(1));
        server.tokenReplies.add(RfcServer.Reply.json(200, RfcServer.tokens("at-new", "rt-new", 600)));
        assertEquals(Exit.OK, run("token"), err.toString());
        assertEquals("at-new", out.toString().trim());
        // RFC 6749 §6
        assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", "rt-old", "client_id", "latchkey-cli"),
                server.to("/oauth/token").get(0).form());
        assertEquals("rt-new", store().load(server.issuer).orElseThrow().refreshToken());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(store().fileFor(server.issuer))));
    }

    @Test
    void anEndedSessionExitsThreeAndForgetsTheCredentials() {
        loggedIn("at-old", "rt-old", Instant.now().minusSeconds(1));
        server.tokenReplies.add(RfcServer.Reply.json(400, "{\"error\":\"invalid_grant\"}"));
        assertEquals(Exit.NOT_LOGGED_IN, run("token"));
        assertTrue(store().load(server.issuer).isEmpty());
    }

    @Test
    void withoutCredentialsEveryCommandExitsThree() {
        for (String cmd : List.of("token", "status", "logout")) {
            assertEquals(Exit.NOT_LOGGED_IN, run(cmd), cmd);
        }
        assertEquals(Exit.NOT_LOGGED_IN, run("api", "/api/v1/me"));
    }

    @Test
    void usageErrorsExitTwoAndHelpListsTheExitCodes() {
        assertEquals(Exit.USAGE, run("--bogus"));
        assertEquals(Exit.USAGE, run("api", "GET", "https://elsewhere.example/steal"));
        assertEquals(Exit.OK, run("--help"));
        for (int code = 0; code <= 6; code++) {
            assertTrue(out.toString().contains("  " + code + "  "), "exit code " + code + " documented");
        }
    }

    @Test
    void apiSendsTheBearerTokenToThePathAndPrettyPrintsJson() {
        loggedIn("at-valid", "rt-1", Instant.now().plusSeconds(600));
        server.apiReplies.add(RfcServer.Reply.json(200, "{\"user\":{\"email\":\"demo@latchkey.dev\"}}"));
        assertEquals(Exit.OK, run("api", "/api/v1/me", "--json"), err.toString());
        assertTrue(out.toString().contains("\"email\" : \"demo@latchkey.dev\""), out.toString());
        RfcServer.Received r = server.to("/api/v1/me").get(0);
        assertEquals("GET", r.method());
        assertEquals(List.of("Bearer at-valid"), r.headers().get("Authorization"));
    }

    @Test
    void apiWithDataPostsItAndANon2xxAnswerExitsNonZero() {
        loggedIn("at-valid", "rt-1", Instant.now().plusSeconds(600));
        server.apiReplies.add(RfcServer.Reply.json(403, "{\"error\":\"insufficient_scope\"}"));
        assertEquals(Exit.ERROR, run("api", "/api/v1/things", "--data", "{\"a\":1}", "-H", "X-Trace: 7"));
        RfcServer.Received r = server.to("/api/v1/things").get(0);
        assertEquals("POST", r.method());
        assertEquals(List.of("application/json"), r.headers().get("Content-type"));
        assertEquals(List.of("7"), r.headers().get("X-trace"));
        assertTrue(out.toString().contains("insufficient_scope"));
        server.apiReplies.add(RfcServer.Reply.json(503, "{\"error\":\"temporarily_unavailable\"}"));
        assertEquals(Exit.UNAVAILABLE, run("api", "DELETE", "/api/v1/things/1"));
    }

    @Test
    void statusShowsWhoWhichScopesAndExpiryAndJsonOnRequest() {
        loggedIn("at-valid", "rt-1", Instant.now().plusSeconds(600));
        server.apiReplies.add(RfcServer.Reply.json(200, "{\"user\":{\"email\":\"demo@latchkey.dev\",\"display_name\":\"Demo User\"}}"));
        assertEquals(Exit.OK, run("status"), err.toString());
        assertTrue(out.toString().contains("as demo@latchkey.dev (Demo User)"), out.toString());
        assertTrue(out.toString().contains("profile db:read"));
        assertFalse(out.toString().contains("at-valid") || out.toString().contains("rt-1"), "no token printed");
        out.getBuffer().setLength(0);
        server.apiReplies.add(RfcServer.Reply.json(200, "{\"user\":{\"email\":\"demo@latchkey.dev\"}}"));
        assertEquals(Exit.OK, run("status", "--json"));
        var json = Json.parseOrNull(out.toString());
        assertEquals("demo@latchkey.dev", json.get("user").get("email").asText());
        assertEquals("db:read", json.get("scopes").get(1).asText());
        assertTrue(json.has("expires_at"));
    }

    @Test
    void logoutRevokesTheRefreshTokenThenDeletesTheCredentials() {
        loggedIn("at-valid", "rt-1", Instant.now().plusSeconds(600));
        assertEquals(Exit.OK, run("logout"), err.toString());
        // RFC 7009 §2.1
        assertEquals(Map.of("token", "rt-1", "token_type_hint", "refresh_token", "client_id", "latchkey-cli"),
                server.to("/oauth/revoke").get(0).form());
        assertTrue(store().load(server.issuer).isEmpty());
    }

    @Test
    void aLogoutTheServerCouldNotTakeKeepsTheCredentials() {
        loggedIn("at-valid", "rt-1", Instant.now().plusSeconds(600));
        server.close();
        assertEquals(Exit.UNAVAILABLE, run("logout"));
        assertTrue(store().load(server.issuer).isPresent());
    }
}
