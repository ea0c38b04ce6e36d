package io.latchkey.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The small spec rules of the wire: metadata location, issuer form, token responses, API paths. */
class WireRulesTest {

    @Test
    void theMetadataDocumentSitsBetweenHostAndIssuerPath() {
        // RFC 8414 §3.1
        assertEquals("http://localhost:8080/.well-known/oauth-authorization-server",
                AuthServer.metadataUrl("http://localhost:8080"));
        assertEquals("https://auth.example.com/.well-known/oauth-authorization-server/tenant1",
                AuthServer.metadataUrl("https://auth.example.com/tenant1"));
    }

    @Test
    void anIssuerIsAnHttpUrlWithoutQueryOrFragment() {
        assertEquals("http://localhost:8080", AuthServer.normalizeIssuer("http://localhost:8080/"));
        for (String bad : List.of("localhost:8080", "ftp://x.example", "https://x.example/?a=b", "https://x.example/#f", "::")) {
            CliFailure f = assertThrows(CliFailure.class, () -> AuthServer.normalizeIssuer(bad), bad);
            assertEquals(Exit.USAGE, f.exitCode());
        }
    }

    @Test
    void aTokenResponseNeedsABearerAccessToken() {
        // RFC 6749 §5.1: access_token and token_type are REQUIRED
        assertThrows(CliFailure.class, () -> TokenAnswer.parse(Json.parseOrNull("{\"access_token\":\"a\"}")));
        assertThrows(CliFailure.class, () -> TokenAnswer.parse(Json.parseOrNull("{\"token_type\":\"Bearer\"}")));
        assertThrows(CliFailure.class, () -> TokenAnswer.parse(Json.parseOrNull("{\"access_token\":\"a\",\"token_type\":\"mac\"}")));
        TokenAnswer a = TokenAnswer.parse(Json.parseOrNull("{\"access_token\":\"a\",\"token_type\":\"bearer\",\"expires_in\":60}"));
        assertEquals(60, a.expiresIn());
        assertEquals(null, a.refreshToken());
    }

    @Test
    void aRefreshAnswerWithoutANewRefreshTokenKeepsTheOldOne() {
        Credentials c = new Credentials("http://i", "cli", "t", "r", "a1", "rt-1", "profile", java.time.Instant.EPOCH);
        Credentials next = c.with(new TokenAnswer("a2", null, null, 60), java.time.Instant.EPOCH);
        assertEquals("rt-1", next.refreshToken());
        assertEquals("profile", next.scope());
        assertEquals(java.time.Instant.ofEpochSecond(60), next.expiresAt());
    }

    @Test
    void apiRequestsGoOnlyToPathsOnTheIssuer() {
        ApiCommand.Request get = ApiCommand.build("http://i", List.of("/api/v1/me"), null, List.of());
        assertEquals("GET", get.method());
        assertEquals("http://i/api/v1/me", get.url());
        ApiCommand.Request post = ApiCommand.build("http://i", List.of("/api/x"), "{}", List.of());
        assertEquals("POST", post.method());
        assertEquals("application/json", post.headers().get("Content-Type"));
        assertEquals("delete", ApiCommand.build("http://i", List.of("delete", "/x"), null, List.of()).method().toLowerCase());
        for (List<String> bad : List.of(List.of("https://evil.example/x"), List.of("//evil.example/x"), List.of("GE T", "/x"))) {
            assertEquals(Exit.USAGE, assertThrows(CliFailure.class, () -> ApiCommand.build("http://i", bad, null, List.of())).exitCode());
        }
        assertEquals(Exit.USAGE, assertThrows(CliFailure.class,
                () -> ApiCommand.build("http://i", List.of("/x"), null, List.of("no colon"))).exitCode());
    }

    @Test
    void theBrowserIsOpenedOnlyWhereThereIsADisplay() {
        String url = "http://localhost:8080/device?user_code=WDJB-MJHT";
        assertEquals(java.util.Optional.empty(), BrowserLauncher.command(url, "Linux", java.util.Map.of()));
        assertEquals(java.util.Optional.empty(), BrowserLauncher.command(url, "Linux", java.util.Map.of("DISPLAY", "")));
        assertEquals(java.util.Optional.of(List.of("xdg-open", url)), BrowserLauncher.command(url, "Linux", java.util.Map.of("DISPLAY", ":0")));
        assertEquals(java.util.Optional.of(List.of("xdg-open", url)),
                BrowserLauncher.command(url, "Linux", java.util.Map.of("WAYLAND_DISPLAY", "wayland-0")));
        assertEquals(java.util.Optional.of(List.of("open", url)), BrowserLauncher.command(url, "Mac OS X", java.util.Map.of()));
    }

    @Test
    void theUserAgentNamesVersionSystemAndHostWithoutBreakingOutOfItsComment() {
        // issue 13 contract item 6; RFC 9110 §10.1.5: product/version (comment)
        assertEquals("latchkey-cli/" + CliUserAgent.VERSION + " (Linux; laptop-7)", CliUserAgent.of("Linux", "laptop-7"));
        assertEquals("latchkey-cli/" + CliUserAgent.VERSION + " (Mac OS X; Annas-MacBook)", CliUserAgent.of("Mac OS X", "Annas-MacBook"));
        assertEquals("latchkey-cli/" + CliUserAgent.VERSION + " (Linux; evil.example)", CliUserAgent.of("Linux", "evil);(.example\r\n"));
        assertEquals("latchkey-cli/" + CliUserAgent.VERSION + " (Linux; unknown)", CliUserAgent.of("Linux", null));
        assertEquals("latchkey-cli/" + CliUserAgent.VERSION, CliUserAgent.of(null, "\u0000"));
        assertEquals(64, CliUserAgent.of("Linux", "h".repeat(500)).length() - ("latchkey-cli/" + CliUserAgent.VERSION + " (Linux; )").length());
    }
}
