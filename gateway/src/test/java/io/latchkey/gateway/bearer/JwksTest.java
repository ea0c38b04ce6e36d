package io.latchkey.gateway.bearer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.latchkey.common.jwt.VerificationKey;
import io.latchkey.gateway.support.TestTokens;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

class JwksTest {

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final AtomicInteger fetches = new AtomicInteger();

    private Jwks jwks(long minRefetchMillis) {
        return new Jwks(() -> {
            fetches.incrementAndGet();
            return Future.succeededFuture(Buffer.buffer(new JsonObject().put("keys", TestTokens.jwks()).encode()));
        }, clock::get, minRefetchMillis);
    }

    @Test
    void aKnownKidIsAnsweredFromMemory() {
        Jwks keys = jwks(5000);
        keys.refresh();
        assertNotNull(keys.key(TestTokens.ES_KID).result());
        assertEquals("RS256", keys.key(TestTokens.RS_KID).result().alg());
        assertEquals(1, fetches.get());
    }

    @Test
    void unknownKidsRefetchAtMostOncePerInterval() {
        Jwks keys = jwks(5000);
        keys.refresh();
        for (int i = 0; i < 100; i++) {
            assertNull(keys.key("made-up-" + i).result());
        }
        assertEquals(1, fetches.get(), "a flood of made-up kids costs no fetch inside the interval");
        clock.addAndGet(5000);
        assertNull(keys.key("made-up").result());
        assertEquals(2, fetches.get());
    }

    @Test
    void concurrentLookupsShareOneFetch() {
        Promise<Buffer> pending = Promise.promise();
        Jwks keys = new Jwks(() -> {
            fetches.incrementAndGet();
            return pending.future();
        }, clock::get, 5000);
        Future<VerificationKey> a = keys.key(TestTokens.ES_KID);
        Future<VerificationKey> b = keys.key(TestTokens.RS_KID);
        pending.complete(Buffer.buffer(new JsonObject().put("keys", TestTokens.jwks()).encode()));
        assertEquals(1, fetches.get());
        assertNotNull(a.result());
        assertNotNull(b.result());
    }

    @Test
    void aFailedFetchFailsTheLookupSoTheClientGets503Not401() {
        Jwks keys = new Jwks(() -> {
            fetches.incrementAndGet();
            return Future.failedFuture(new IllegalStateException("connection refused"));
        }, clock::get, 5000);
        assertTrue(keys.key(TestTokens.ES_KID).failed());
        assertTrue(keys.key(TestTokens.ES_KID).failed());
        assertEquals(1, fetches.get(), "an outage is not hammered");
        clock.addAndGet(1000);
        keys.key(TestTokens.ES_KID);
        assertEquals(2, fetches.get());
    }
}
