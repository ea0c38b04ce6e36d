package io.latchkey.common.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

class ClientLookupCacheTest {

    private final ClientLookupCache<String> cache = new ClientLookupCache<>(Duration.ofHours(1));
    private final AtomicInteger loads = new AtomicInteger();

    private Supplier<Uni<String>> answer(String value) {
        return () -> Uni.createFrom().item(() -> {
            loads.incrementAndGet();
            return value;
        });
    }

    private String find(String key, String clientId, String value) {
        return cache.find(key, clientId, answer(value)).await().indefinitely();
    }

    @Test
    void whenAClientIsLookedUpTwiceThenTheSecondAnswerComesFromMemory() {
        assertEquals("v1", find("cli", "cli", "v1"));
        assertEquals("v1", find("cli", "cli", "v2"));
        assertEquals(1, loads.get());
    }

    @Test
    void whenTheLifetimeIsZeroThenEveryLookupLoads() {
        ClientLookupCache<String> uncached = new ClientLookupCache<>(Duration.ZERO);
        uncached.find("cli", answer("v1")).await().indefinitely();
        assertEquals("v2", uncached.find("cli", answer("v2")).await().indefinitely());
        assertEquals(2, loads.get());
    }

    @Test
    void whenAClientChangesThenEveryEntryAboutItIsDroppedAndNoOther() {
        find("cli", "cli", "by id");
        find("fingerprint-of-cli-and-secret", "cli", "by credentials");
        find("other", "other", "other");
        cache.invalidate("cli");
        assertEquals("new", find("cli", "cli", "new"));
        assertEquals("new", find("fingerprint-of-cli-and-secret", "cli", "new"));
        assertEquals("other", find("other", "other", "changed"));
        assertEquals(5, loads.get());
    }

    @Test
    void whenTheSubscriptionWasDownThenEverythingIsDropped() {
        find("a", "a", "1");
        find("b", "b", "1");
        cache.clear();
        assertEquals(0, cache.size());
        assertEquals("2", find("a", "a", "2"));
    }

    @Test
    void whenALookupFailsThenTheFailureIsNotRemembered() {
        Supplier<Uni<String>> failing = () -> Uni.createFrom().failure(new IllegalStateException("token-service down"));
        assertThrows(IllegalStateException.class, () -> cache.find("cli", failing).await().indefinitely());
        assertEquals("up again", find("cli", "cli", "up again"));
    }

    @Test
    void whenNoSuchClientExistsThenTheAbsenceIsRememberedAtMostASecond() {
        assertNull(find("ghost", "ghost", null));
        assertEquals(1, cache.size());
        assertEquals(java.util.concurrent.TimeUnit.SECONDS.toNanos(1), ClientLookupCache.ABSENT_TTL_NANOS);
    }

    @Test
    void whenAClientChangesWhileItsLookupIsInFlightThenTheOldAnswerIsNotStored() {
        UniEmitter<? super String>[] pending = new UniEmitter[1];
        Uni<String> inFlight = cache.find("cli", () -> Uni.createFrom().emitter(e -> pending[0] = e));
        String[] got = new String[1];
        inFlight.subscribe().with(v -> got[0] = v);
        cache.invalidate("cli"); // the change lands between the read and its answer
        pending[0].complete("stale");
        assertEquals("stale", got[0]);
        assertEquals(0, cache.size());
        assertEquals("fresh", find("cli", "cli", "fresh"));
    }

    @Test
    void whenFloodedWithUnknownIdsThenTheCacheStaysBounded() {
        for (int i = 0; i <= ClientLookupCache.MAX_ENTRIES; i++) {
            find("id-" + i, "id-" + i, null);
        }
        assertEquals(1, cache.size());
    }
}
