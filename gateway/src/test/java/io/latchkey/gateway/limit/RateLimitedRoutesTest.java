package io.latchkey.gateway.limit;

import static io.latchkey.gateway.support.RawHttp.exchangeFrom;
import static io.latchkey.gateway.support.RawHttp.formPost;
import static io.latchkey.gateway.support.RawHttp.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.latchkey.gateway.support.RawHttp.Response;
import io.latchkey.gateway.support.StubServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;

/**
 * Each test sends from its own loopback address (127.0.N.x), so per-IP counters of one test never meet another's.
 * The stub services answer 200 to whatever reaches them.
 */
@QuarkusTest
@TestProfile(TightLimits.class)
@WithTestResource(StubServices.class)
class RateLimitedRoutesTest {

    private static final String POLL = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=Gm9x";

    private static String basic(String clientId, String secret) {
        return "Authorization: Basic " + Base64.getEncoder()
                .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefusedAsJson(Response response) {
        assertEquals(429, response.status(), response.head());
        long retryAfter = Long.parseLong(header(response, "Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertTrue(header(response, "Content-Type").startsWith("application/json"));
        assertEquals("no-store", header(response, "Cache-Control"));
        JsonObject body = response.json();
        assertEquals("too_many_requests", body.getString("error"));
        assertTrue(body.getString("error_description").contains("Retry-After"));
    }

    @Test
    void deviceAuthorizationsPerClientAdmitTheLimitThenAnswer429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, exchangeFrom("127.0.1.1", formPost("/oauth/device_authorization", "client_id=cli-a")).status());
        }
        assertRefusedAsJson(exchangeFrom("127.0.1.1", formPost("/oauth/device_authorization", "client_id=cli-a")));
        // another client from the same address still has its own budget
        assertEquals(200, exchangeFrom("127.0.1.1", formPost("/oauth/device_authorization", "client_id=cli-b")).status());
    }

    @Test
    void deviceAuthorizationsPerIpCountEveryClientFromThatAddress() {
        for (int i = 0; i < 5; i++) {
            assertEquals(200, exchangeFrom("127.0.2.1",
                    formPost("/oauth/device_authorization", "client_id=spray-" + i)).status());
        }
        assertRefusedAsJson(exchangeFrom("127.0.2.1", formPost("/oauth/device_authorization", "client_id=spray-9")));
        assertEquals(200, exchangeFrom("127.0.2.2", formPost("/oauth/device_authorization", "client_id=spray-9")).status());
    }

    @Test
    void theTokenEndpointCountsTheBasicClientAndTheFormClientAlike() {
        String form = "grant_type=client_credentials&scope=db%3Aread";
        assertEquals(200, exchangeFrom("127.0.3.1", formPost("/oauth/token", form, basic("conf-1", "s"))).status());
        assertEquals(200, exchangeFrom("127.0.3.2", formPost("/oauth/token", form + "&client_id=conf-1")).status());
        assertEquals(200, exchangeFrom("127.0.3.3", formPost("/oauth/token", form, basic("conf-1", "other"))).status());
        // a fourth request of the same client, from yet another address, is over the per-client limit
        assertRefusedAsJson(exchangeFrom("127.0.3.4", formPost("/oauth/token", form + "&client_id=conf-1")));
    }

    @Test
    void theTokenEndpointPerIpLimitCountsRequestsWithoutAClient() {
        for (int i = 0; i < 6; i++) {
            assertEquals(200, exchangeFrom("127.0.4.1", formPost("/oauth/token", "grant_type=refresh_token&refresh_token=r")).status());
        }
        assertRefusedAsJson(exchangeFrom("127.0.4.1", formPost("/oauth/token", "grant_type=refresh_token&refresh_token=r")));
    }

    @Test
    void deviceCodePollsAreNeverCountedByTheLimiter() {
        // RFC 8628 §3.5: device-service paces polls with slow_down; the gateway adds no limit (and no Redis trip)
        for (int i = 0; i < 12; i++) {
            Response poll = exchangeFrom("127.0.5.1", formPost("/oauth/token", POLL + "&client_id=poller"));
            assertEquals(200, poll.status());
            assertEquals("device-service", poll.json().getString("service"));
        }
        // and they did not use the per-IP or per-client budget either
        assertEquals(200, exchangeFrom("127.0.5.1",
                formPost("/oauth/token", "grant_type=refresh_token&client_id=poller&refresh_token=r")).status());
    }

    /**
     * A poll with client credentials makes device-service check a secret (RFC 6749 §2.3.1) before the code: it is
     * counted per IP like any token request, whatever client_id it names, while public polls stay free.
     */
    @Test
    void pollsWithClientCredentialsAreCountedPerIp() {
        for (int i = 0; i < 3; i++) {
            Response poll = exchangeFrom("127.0.10.1", formPost("/oauth/token", POLL, basic("made-up-" + i, "guess")));
            assertEquals(200, poll.status());
            assertEquals("device-service", poll.json().getString("service"));
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(200, exchangeFrom("127.0.10.1",
                    formPost("/oauth/token", POLL + "&client_id=made-up-" + i + "&client_secret=guess")).status());
        }
        // the seventh is over token-per-ip (6/1m)
        assertRefusedAsJson(exchangeFrom("127.0.10.1",
                formPost("/oauth/token", POLL + "&client_id=other&client_secret=guess")));
        assertRefusedAsJson(exchangeFrom("127.0.10.1", formPost("/oauth/token", POLL, "Authorization: Bearer x")));
        // a public client's polls from that address are still not counted
        Response publicPoll = exchangeFrom("127.0.10.1", formPost("/oauth/token", POLL + "&client_id=latchkey-cli"));
        assertEquals(200, publicPoll.status());
        assertEquals("device-service", publicPoll.json().getString("service"));
    }

    @Test
    void signInSubmissionsPerIpGetAnHtmlPageWhenOverTheLimitButShowingTheFormIsFree() {
        String get = "GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        for (int i = 0; i < 5; i++) {
            assertEquals(200, exchangeFrom("127.0.6.1", get).status());
        }
        assertEquals(200, exchangeFrom("127.0.6.1", formPost("/login", "username=a&password=b")).status());
        assertEquals(200, exchangeFrom("127.0.6.1", formPost("/login", "username=c&password=d")).status());
        Response refused = exchangeFrom("127.0.6.1", formPost("/login", "username=e&password=f"));
        assertEquals(429, refused.status());
        assertTrue(header(refused, "Content-Type").startsWith("text/html"));
        assertTrue(Long.parseLong(header(refused, "Retry-After")) >= 1);
        assertTrue(refused.body().contains("Too many requests"));
        assertEquals("nosniff", header(refused, "X-Content-Type-Options"));
    }

    @Test
    void authorizeRequestsPerIpAreLimited() {
        String get = "GET /oauth/authorize?client_id=x&response_type=code HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        assertEquals(200, exchangeFrom("127.0.7.1", get).status());
        assertEquals(200, exchangeFrom("127.0.7.1", get).status());
        Response refused = exchangeFrom("127.0.7.1", get);
        assertEquals(429, refused.status());
        assertTrue(header(refused, "Content-Type").startsWith("text/html"));
    }

    @Test
    void revocationAndIntrospectionArePerClientWithPerClientOverrides() {
        for (int i = 0; i < 2; i++) {
            assertEquals(200, exchangeFrom("127.0.8.1", formPost("/oauth/revoke", "token=t", basic("rev-1", "s"))).status());
        }
        assertRefusedAsJson(exchangeFrom("127.0.8.2", formPost("/oauth/revoke", "token=t", basic("rev-1", "s"))));

        for (int i = 0; i < 5; i++) {
            assertEquals(200, exchangeFrom("127.0.8.3", formPost("/oauth/introspect", "token=t", basic("big-rs", "s"))).status(),
                    "big-rs is allowed 5 per minute, request " + (i + 1));
        }
        assertRefusedAsJson(exchangeFrom("127.0.8.3", formPost("/oauth/introspect", "token=t", basic("big-rs", "s"))));
    }

    @Test
    void aLimitedRouteStillForwardsTheBodyItReadUnchanged() {
        String form = "client_id=echo-1&scope=profile%20db%3Aread";
        Response response = exchangeFrom("127.0.9.1", formPost("/oauth/device_authorization", form));
        assertEquals(200, response.status());
        assertEquals(form, response.json().getString("body"));
        assertEquals(String.valueOf(form.length()), response.json().getJsonObject("headers").getString("content-length"));
    }
}
