package io.latchkey.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code latchkey admin} against a real local HTTP server, written against the admin API contract of issue 12
 * (token-service {@code /admin/clients}, consent-service {@code /admin/users}); checks the requests it builds and how it
 * reads the answers.
 */
class AdminCommandsTest extends CliAgainstServer {

    @BeforeEach
    void loggedInAsAnOperator() {
        store().save(new Credentials(server.issuer, "latchkey-cli", server.issuer + "/oauth/token",
                server.issuer + "/oauth/revoke", "at-admin", "rt-1", "profile admin", Instant.now().plusSeconds(600)));
    }

    @Test
    void clientsListPagesWithTheBearerToken() {
        server.apiReplies.add(RfcServer.Reply.json(200, "{\"clients\":[{\"client_id\":\"partner-web\"}],\"next_cursor\":\"c2\"}"));
        assertEquals(Exit.OK, run("admin", "clients", "list", "--limit", "10", "--cursor", "c1"), err.toString());
        RfcServer.Received r = server.to("/admin/clients").get(0);
        assertEquals("GET", r.method());
        assertEquals(List.of("Bearer at-admin"), r.headers().get("Authorization"));
        assertTrue(out.toString().contains("\"client_id\" : \"partner-web\""), out.toString());
    }

    @Test
    void clientsCreateSendsRfc7591MetadataAsJson() throws Exception {
        server.apiReplies.add(RfcServer.Reply.json(201, "{\"client_id\":\"c-1\",\"client_secret\":\"s-once\"}"));
        assertEquals(Exit.OK, run("admin", "clients", "create", "--name", "Acme", "--redirect-uri", "https://acme.example/cb",
                "--grant-type", "authorization_code", "--grant-type", "refresh_token", "--auth-method", "client_secret_basic",
                "--scope", "profile db:read"), err.toString());
        RfcServer.Received r = server.to("/admin/clients").get(0);
        assertEquals("POST", r.method());
        assertEquals(List.of("application/json"), r.headers().get("Content-type"));
        JsonNode sent = Json.parseOrNull(r.body());
        assertEquals("Acme", sent.get("client_name").asText());
        assertEquals("https://acme.example/cb", sent.get("redirect_uris").get(0).asText());
        assertEquals("refresh_token", sent.get("grant_types").get(1).asText());
        assertEquals("client_secret_basic", sent.get("token_endpoint_auth_method").asText());
        assertEquals("profile db:read", sent.get("scope").asText());
        assertTrue(out.toString().contains("s-once"), "the one-time secret is shown to the operator who asked");
    }

    @Test
    void rotateAndDisableAddressTheClientByAnEncodedPathSegment() {
        server.apiReplies.add(RfcServer.Reply.json(200, "{\"client_secret\":\"new\"}"));
        assertEquals(Exit.OK, run("admin", "clients", "rotate-secret", "partner-web"));
        assertEquals("POST", server.to("/admin/clients/partner-web/secret").get(0).method());
        server.apiReplies.add(RfcServer.Reply.json(204, ""));
        assertEquals(Exit.OK, run("admin", "clients", "disable", "a/b"));
        assertEquals(1, server.to("/admin/clients/a/b/disable").size(), "the server decodes %2F; the raw path kept it one segment");
        assertEquals(Exit.USAGE, run("admin", "clients", "disable", ".."));
    }

    @Test
    void usersFindAndDisable() {
        server.apiReplies.add(RfcServer.Reply.json(200, "{\"users\":[{\"id\":\"u-1\",\"email\":\"demo@latchkey.dev\"}]}"));
        assertEquals(Exit.OK, run("admin", "users", "find", "--email", "demo+x@latchkey.dev"));
        assertEquals("GET", server.to("/admin/users").get(0).method());
        server.apiReplies.add(RfcServer.Reply.json(204, ""));
        assertEquals(Exit.OK, run("admin", "users", "disable", "u-1"));
        assertEquals("POST", server.to("/admin/users/u-1/disable").get(0).method());
    }

    @Test
    void withoutScopeAdminTheOperatorIsToldHowToSignIn() {
        server.apiReplies.add(RfcServer.Reply.json(403, "{\"error\":\"insufficient_scope\"}"));
        assertEquals(Exit.ERROR, run("admin", "users", "find", "--email", "x@y.z"));
        assertTrue(err.toString().contains("latchkey login --scope \"profile admin\""), err.toString());
        server.apiReplies.add(RfcServer.Reply.json(400, "{\"error\":\"invalid_redirect_uri\",\"error_description\":\"no fragments\"}"));
        assertEquals(Exit.ERROR, run("admin", "clients", "create", "--name", "x", "--redirect-uri", "https://a/#f"));
        assertTrue(err.toString().contains("invalid_redirect_uri: no fragments"), err.toString());
    }
}
