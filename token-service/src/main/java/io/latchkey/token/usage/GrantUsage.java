package io.latchkey.token.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;

/**
 * When each grant last got tokens ("last used" on the Authorized apps page): one Redis SET per mint, off the hot
 * path, living as long as a refresh token can; read back in bulk for consent-service.
 */
@ApplicationScoped
public class GrantUsage {

    private static final Logger LOG = Logger.getLogger(GrantUsage.class);
    private static final String KEY = "grant-last-used:";
    private static final long LOG_EVERY_MILLIS = 10_000;

    private final io.quarkus.redis.datasource.value.ReactiveValueCommands<String, String> values;
    private final String keyPrefix;
    private final SetArgs expiry;
    private final AtomicLong lastLogged = new AtomicLong();

    public GrantUsage(ReactiveRedisDataSource redis, @ConfigProperty(name = "latchkey.redis.key-prefix") String prefix,
                      @ConfigProperty(name = "latchkey.token.refresh-absolute-ttl") Duration ttl) {
        this.values = redis.value(String.class);
        this.keyPrefix = prefix + KEY;
        this.expiry = new SetArgs().px(ttl);
    }

    /** Fire and forget: the token response never waits for this write, and a failed write costs only the date. */
    public void recordIssued(String grantId) {
        values.set(keyPrefix + grantId, String.valueOf(System.currentTimeMillis()), expiry)
                .subscribe().with(ok -> { }, this::logFailure);
    }

    /** The last issuance of each grant that has one on record; grants without one are left out. */
    public Uni<Map<String, Instant>> lastIssued(List<String> grantIds) {
        if (grantIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String[] keys = grantIds.stream().map(id -> keyPrefix + id).toArray(String[]::new);
        return values.mget(keys)
                .map(found -> {
                    Map<String, Instant> out = new LinkedHashMap<>();
                    for (String grantId : grantIds) {
                        String millis = found.get(keyPrefix + grantId);
                        if (millis != null) {
                            out.put(grantId, Instant.ofEpochMilli(Long.parseLong(millis)));
                        }
                    }
                    return out;
                });
    }

    private void logFailure(Throwable failure) {
        long now = System.currentTimeMillis();
        long last = lastLogged.get();
        if (now - last >= LOG_EVERY_MILLIS && lastLogged.compareAndSet(last, now)) {
            LOG.warnf("Could not record grant usage: %s", failure.toString());
        }
    }
}
