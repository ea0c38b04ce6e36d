package io.latchkey.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.latchkey.client.ApiClient;
import io.latchkey.client.ApiException;
import io.latchkey.client.api.ApiApi;
import io.latchkey.client.api.OAuthApi;
import io.latchkey.client.model.DeviceAuthorizationResponse;
import io.latchkey.client.model.IntrospectionResponse;
import io.latchkey.client.model.Me;
import io.latchkey.client.model.OAuthError;
import io.latchkey.client.model.TokenResponse;

/**
 * Issue 15: the served OpenAPI document generates a working client. The build merged the services' documents with
 * the gateway's own merge code into target/openapi/latchkey.json and generated io.latchkey.client from it
 * (openapi-generator-maven-plugin, which validates the document first); this test checks the gateway serves exactly
 * those bytes, then drives the platform with nothing but the generated code (plus a browser for the user's approval).
 */
class GeneratedClientE2ETest {

    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    // the generated token(...) takes the form's fields as the document lists them (name order):
    // grant_type, client_id, code, code_verifier, device_code, redirect_uri, refresh_token, scope

    static Platform platform;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
    }

    @Test
    void theClientWasGeneratedFromExactlyTheDocumentTheGatewayServes() throws Exception {
        byte[] built = Files.readAllBytes(Path.of(System.getProperty("latchkey.root", ".."),
                "e2e-tests/target/openapi/latchkey.json"));
        byte[] served = given().get(platform.baseUrl() + "/openapi").then().statusCode(200).extract().asByteArray();
        assertArrayEquals(built, served, "GET /openapi differs from the document the client was generated from");
    }

    @Test
    void aDeviceCodeIsPendingAndTheTypedRfcErrorSaysSo() throws Exception {
        OAuthApi oauth = new OAuthApi(client());
        DeviceAuthorizationResponse device = oauth.deviceAuthorization(Platform.CLI, "profile db:read");
        assertNotNull(device.getDeviceCode());
        assertTrue(device.getVerificationUri().endsWith("/device"), device.getVerificationUri());

        ApiException pending = assertThrows(ApiException.class, () ->
                oauth.token(DEVICE_GRANT, Platform.CLI, null, null, device.getDeviceCode(), null, null, null));
        assertEquals(400, pending.getCode());
        OAuthError error = client().getObjectMapper().readValue(pending.getResponseBody(), OAuthError.class);
        // RFC 8628 §3.5
        assertEquals("authorization_pending", error.getError());
        assertNotNull(error.getErrorDescription());
    }

    @Test
    void aClientCredentialsTokenIsIssuedAndIntrospectedActive() throws Exception {
        OAuthApi partner = new OAuthApi(client());
        TokenResponse token = partner.token("client_credentials", null, null, null, null, null, null, "db:read",
                basic(Platform.PARTNER_WEB, Platform.PARTNER_WEB_SECRET));
        assertEquals("Bearer", token.getTokenType());
        assertEquals("db:read", token.getScope());

        OAuthApi resourceServer = new OAuthApi(client());
        IntrospectionResponse introspected = resourceServer.introspect(token.getAccessToken(), "access_token",
                basic(Platform.RESOURCE_SERVER, Platform.RESOURCE_SERVER_SECRET));
        assertTrue(introspected.getActive());
        assertEquals(Platform.PARTNER_WEB, introspected.getClientId());

        // and a wrong secret is the typed invalid_client (RFC 6749 §5.2)
        ApiException refused = assertThrows(ApiException.class, () -> partner.token("client_credentials", null, null,
                null, null, null, null, null, basic(Platform.PARTNER_WEB, "wrong-secret")));
        assertEquals(401, refused.getCode());
        assertEquals("invalid_client",
                client().getObjectMapper().readValue(refused.getResponseBody(), OAuthError.class).getError());
    }

    @Test
    void aUsersTokenReadsTheTypedProfileAtApiV1Me() throws Exception {
        OAuthApi cli = new OAuthApi(client());
        DeviceAuthorizationResponse device = cli.deviceAuthorization(Platform.CLI, "profile db:read");
        try (Browser browser = new Browser()) {
            DeviceFlowE2ETest.approveInBrowser(browser, device.getVerificationUri(), device.getUserCode());
        }
        Thread.sleep(device.getInterval() * 1000L);
        TokenResponse tokens = cli.token(DEVICE_GRANT, Platform.CLI, null, null, device.getDeviceCode(), null, null, null);
        assertNotNull(tokens.getRefreshToken());

        Me me = new ApiApi(client()).me(Map.of("Authorization", "Bearer " + tokens.getAccessToken()));
        assertEquals(Platform.DEMO_USER, me.getUser().getEmail());
        assertEquals(Platform.CLI, me.getClient().getClientId());
        assertTrue(me.getScopes().contains("profile"), me.getScopes().toString());

        // RFC 6750 §3.1: without a token, 401 and a Bearer challenge (no error code: the client sent no token)
        ApiException noToken = assertThrows(ApiException.class, () -> new ApiApi(client()).me());
        assertEquals(401, noToken.getCode());
        assertTrue(noToken.getResponseHeaders().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                noToken.getResponseHeaders().map().toString());
    }

    private static ApiClient client() {
        ApiClient client = new ApiClient();
        // HTTP/1.1: the generated code streams form bodies (chunked), and the JDK's default h2c upgrade of such a
        // request reaches the gateway without its body
        client.setHttpClientBuilder(java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1));
        client.updateBaseUri(platform.baseUrl());
        return client;
    }

    /** RFC 6749 §2.3.1: form-urlencoded id and secret as HTTP Basic (the document's clientBasic scheme). */
    private static Map<String, String> basic(String id, String secret) {
        String pair = id + ":" + secret;
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
}
