package io.latchkey.consent.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.latchkey.common.client.ClientChange;
import io.latchkey.consent.InternalServicesStub;
import io.latchkey.consent.TestUsers;
import io.latchkey.testsupport.FreshDatabase;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * token-service announces client changes on {@code <prefix>client-changes}: a disabled or deleted client's grants are
 * marked revoked here (its Authorized apps row disappears), other changes touch no grant.
 */
@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(InternalServicesStub.class)
class ClientChangeGrantsTest {

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "latchkey.redis.key-prefix")
    String prefix;

    private Object revokedAt(UUID grant) throws Exception {
        return TestUsers.query("SELECT revoked_at FROM consent.grants WHERE id = ?", grant).get(0).get("revoked_at");
    }

    private void announce(ClientChange.Kind kind, String clientId) {
        redis.pubsub(String.class).publish(ClientChange.channel(prefix), new ClientChange(kind, clientId).message());
    }

    @Test
    void aDisabledClientsGrantsAreMarkedRevokedAndOtherClientsAreUntouched() throws Exception {
        UUID user = TestUsers.create("cc-" + UUID.randomUUID() + "@example.test", "pw-" + UUID.randomUUID(), false);
        UUID ofDisabled = TestUsers.grant(user, "partner-native", "profile", "web", 0);
        UUID ofOther = TestUsers.grant(user, "latchkey-cli", "profile", "device", 0);

        // a change that revokes nothing
        announce(ClientChange.Kind.UPDATED, "partner-native");
        announce(ClientChange.Kind.DISABLED, "partner-native");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (revokedAt(ofDisabled) == null) {
            assertTrue(System.nanoTime() < deadline, "not revoked after 5 s");
            Thread.sleep(50);
        }
        assertNotNull(revokedAt(ofDisabled));
        assertNull(revokedAt(ofOther));
    }

    @Test
    void aDeletedClientsGrantsAreRevokedAndAMalformedMessageIsIgnored() throws Exception {
        UUID user = TestUsers.create("cd-" + UUID.randomUUID() + "@example.test", "pw-" + UUID.randomUUID(), false);
        UUID grant = TestUsers.grant(user, "own-desktop", "profile", "web", 0);
        redis.pubsub(String.class).publish(ClientChange.channel(prefix), "disabled");
        redis.pubsub(String.class).publish(ClientChange.channel(prefix), "nonsense own-desktop");
        Thread.sleep(300);
        assertNull(revokedAt(grant));
        announce(ClientChange.Kind.DELETED, "own-desktop");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (revokedAt(grant) == null) {
            assertTrue(System.nanoTime() < deadline, "not revoked after 5 s");
            Thread.sleep(50);
        }
        assertEquals(1, TestUsers.query("SELECT count(*) AS n FROM consent.grants WHERE id = ? AND revoked_at IS NOT NULL",
                grant).size());
    }
}
