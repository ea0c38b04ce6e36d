package io.latchkey.gateway.limit;

import static io.latchkey.gateway.support.RawHttp.exchangeFrom;
import static io.latchkey.gateway.support.RawHttp.formPost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.latchkey.gateway.support.StubServices;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Documented behaviour: with Redis unavailable the limiter fails open, and only one request per circuit period waits. */
@QuarkusTest
@TestProfile(SilentRedis.class)
@WithTestResource(StubServices.class)
class RedisDownLimiterTest {

    @Test
    void whenRedisDoesNotAnswerRequestsAreLetThroughAndOnlyTheFirstWaitsForTheTimeout() {
        // the per-client limit is 3/min: enforced, requests 4..20 would be 429
        assertEquals(200, exchangeFrom("127.0.10.1", formPost("/oauth/device_authorization", "client_id=cli-down")).status());
        long start = System.nanoTime();
        for (int i = 0; i < 19; i++) {
            assertEquals(200, exchangeFrom("127.0.10.1",
                    formPost("/oauth/device_authorization", "client_id=cli-down")).status(), "request " + (i + 2));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        // without the circuit each of the 19 would wait the 1 s Redis timeout (19 s)
        assertTrue(millis < 8_000, "19 requests took " + millis + " ms");
    }

    @Test
    void theSignInPageStaysReachableWithoutRedis() {
        assertEquals(200, exchangeFrom("127.0.10.2", formPost("/login", "username=a&password=b")).status());
    }
}
