package io.latchkey.common.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;
import io.vertx.core.buffer.Buffer;

class ClientMetadataRulesTest {

    private static final Set<String> KNOWN = Set.of("profile", "db:read", "db:write");

    private static ClientMetadata web(List<String> redirects) {
        return new ClientMetadata(null, "Acme", redirects, null, null, null, "profile", null, null, null, null, null);
    }

    private static ClientMetadata nativeApp(List<String> redirects) {
        return new ClientMetadata(null, "Acme", redirects, null, null, "none", "profile", null, null, null, null, null);
    }

    private static OAuthError error(ClientMetadata m) {
        return assertThrows(OAuthException.class, () -> ClientMetadataRules.validate(m, KNOWN)).error();
    }

    @Test
    void defaultsAreThoseOfRfc7591() {
        ClientMetadata m = ClientMetadataRules.validate(web(List.of("https://acme.example/cb")), KNOWN);
        assertEquals("client_secret_basic", m.tokenEndpointAuthMethod());
        assertEquals(List.of("authorization_code"), m.grantTypes());
        assertEquals(List.of("code"), m.responseTypes());
        assertEquals(List.of(), m.contacts());
    }

    @ParameterizedTest
    @CsvSource({
            // confidential (web) clients: https only
            "https://acme.example/cb, false, ",
            "https://acme.example:8443/cb?x=1, false, ",
            "http://acme.example/cb, false, http",
            "http://127.0.0.1:9090/cb, false, http",
            "https://acme.example/cb#frag, false, fragment",
            "https://acme.example/cb#, false, fragment",
            "https://*.acme.example/cb, false, wildcard",
            "https://acme.example/*, false, wildcard",
            "https://user@acme.example/cb, false, user",
            "/relative/cb, false, absolute",
            "com.acme.app:/cb, false, private-use",
            "javascript:alert(1), true, javascript",
            "data:text/html;x, true, data",
            "file:///etc/passwd, true, file",
            "https:///cb, false, host",
            // native (public) clients: loopback IP literals, private-use schemes
            "http://127.0.0.1/callback, true, ",
            "http://[::1]:8000/callback, true, ",
            "http://localhost/callback, true, loopback",
            "http://10.0.0.1/callback, true, loopback",
            "com.acme.app:/oauth2redirect, true, ",
            "acme:/cb, true, reverse domain",
            "com.acme.app://host/cb, true, authority",
            "https://acme.example/cb, true, ",
    })
    void redirectUriRules(String uri, boolean nativeApp, String problem) {
        String found = ClientMetadataRules.redirectUriProblem(uri, nativeApp);
        if (problem == null) {
            assertNull(found, uri);
        } else {
            assertNotNull(found, uri);
            assertEquals(true, found.toLowerCase().contains(problem.toLowerCase()), found);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://acme.example/a b", "https://acme.example/\u0000", "https://acme.example/é"})
    void redirectUrisWithSpacesControlsOrNonAsciiAreRefused(String uri) {
        assertNotNull(ClientMetadataRules.redirectUriProblem(uri, false));
    }

    @Test
    void aBadRedirectUriIsInvalidRedirectUri() {
        // RFC 7591 §3.2.2
        assertEquals(OAuthError.INVALID_REDIRECT_URI, error(web(List.of("http://acme.example/cb"))));
        assertEquals(OAuthError.INVALID_REDIRECT_URI, error(web(List.of())));
        assertEquals(OAuthError.INVALID_REDIRECT_URI, error(web(null)));
    }

    @Test
    void redirectUrisWithoutTheCodeGrantAreRefused() {
        ClientMetadata m = new ClientMetadata(null, "Svc", List.of("https://a.example/cb"), List.of("client_credentials"),
                null, null, null, null, null, null, null, null);
        assertEquals(OAuthError.INVALID_REDIRECT_URI, error(m));
    }

    @Test
    void grantAndAuthMethodMustAgree() {
        // RFC 6749 §4.4: client_credentials only for confidential clients
        assertEquals(OAuthError.INVALID_CLIENT_METADATA, error(new ClientMetadata(null, "Svc", null,
                List.of("client_credentials"), null, "none", null, null, null, null, null, null)));
        // refresh_token alone can never be used
        assertEquals(OAuthError.INVALID_CLIENT_METADATA, error(new ClientMetadata(null, "Svc", null,
                List.of("refresh_token"), null, "client_secret_basic", null, null, null, null, null, null)));
        assertEquals(OAuthError.INVALID_CLIENT_METADATA, error(new ClientMetadata(null, "Svc", null,
                List.of("password"), null, null, null, null, null, null, null, null)));
        assertEquals(OAuthError.INVALID_CLIENT_METADATA, error(new ClientMetadata(null, "Svc", null,
                List.of("client_credentials"), null, "private_key_jwt", null, null, null, null, null, null)));
        // RFC 7591 §2.1: response_types agrees with grant_types; no implicit
        assertEquals(OAuthError.INVALID_CLIENT_METADATA, error(new ClientMetadata(null, "Web",
                List.of("https://a.example/cb"), null, List.of("token"), null, null, null, null, null, null, null)));
    }

    @Test
    void scopesMustBeKnownAndAdminOnlyForOperators() {
        assertEquals(OAuthError.INVALID_CLIENT_METADATA, error(new ClientMetadata(null, "Svc", null,
                List.of("client_credentials"), null, null, "db:read nope", null, null, null, null, null)));
        assertEquals(OAuthError.INVALID_CLIENT_METADATA, error(new ClientMetadata(null, "Svc", null,
                List.of("client_credentials"), null, null, "admin", null, null, null, null, null)));
        ClientMetadata op = ClientMetadataRules.validate(new ClientMetadata(null, "Ops", null,
                List.of("client_credentials"), null, null, "admin", null, null, null, null, true), KNOWN);
        assertEquals("admin", op.scope());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "-abc", "a b", "a/b", "0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void clientIdsAreShortSafeAndNeverLookLikeAUser(String id) {
        // RFC 9700 §4.15: not confusable with a user's sub
        assertEquals(OAuthError.INVALID_CLIENT_METADATA, error(web(List.of("https://a.example/cb")).withClientId(id)));
    }

    @Test
    void namesUrisAndContactsAreChecked() {
        assertEquals(OAuthError.INVALID_CLIENT_METADATA, error(new ClientMetadata(null, " ", List.of("https://a.example/cb"),
                null, null, null, null, null, null, null, null, null)));
        assertEquals(OAuthError.INVALID_CLIENT_METADATA, error(new ClientMetadata(null, "A\u0000", List.of("https://a.example/cb"),
                null, null, null, null, null, null, null, null, null)));
        assertEquals(OAuthError.INVALID_CLIENT_METADATA, error(new ClientMetadata(null, "A", List.of("https://a.example/cb"),
                null, null, null, null, "javascript:alert(1)", null, null, null, null)));
        assertEquals(OAuthError.INVALID_CLIENT_METADATA, error(new ClientMetadata(null, "A", List.of("https://a.example/cb"),
                null, null, null, null, null, "http://a.example/logo.png", null, null, null)));
        assertEquals(OAuthError.INVALID_CLIENT_METADATA, error(new ClientMetadata(null, "A", List.of("https://a.example/cb"),
                null, null, null, null, null, null, List.of("not-an-address"), null, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "\"x\"", "{", "{\"client_name\":1}", "{\"redirect_uris\":\"https://a\"}",
            "{\"redirect_uris\":[1]}", "{\"operator\":\"yes\"}", "nul"})
    void aBodyThatIsNotClientMetadataIsInvalidClientMetadata(String body) {
        OAuthException e = assertThrows(OAuthException.class, () -> ClientMetadata.fromJson(Buffer.buffer(body)));
        assertEquals(OAuthError.INVALID_CLIENT_METADATA, e.error());
    }

    @Test
    void unknownMembersAreIgnoredAndTheJsonRoundTrips() {
        // RFC 7591 §2: the server MUST ignore metadata it does not understand
        ClientMetadata m = ClientMetadata.fromJson(Buffer.buffer(
                "{\"client_name\":\"A\",\"redirect_uris\":[\"https://a.example/cb\"],\"software_id\":\"x\",\"owner\":null}"));
        assertEquals("A", m.clientName());
        assertNull(m.owner());
        assertEquals(m, ClientMetadata.fromJson(m.toJson().toBuffer()));
    }

    @Test
    void clientChangeMessagesRoundTrip() {
        ClientChange c = new ClientChange(ClientChange.Kind.SECRET_ROTATED, "acme");
        assertEquals(c, ClientChange.parse(c.message()));
        assertNull(ClientChange.parse("bogus acme"));
        assertNull(ClientChange.parse("created "));
        assertEquals("lk:client-changes", ClientChange.channel("lk:"));
    }
}
