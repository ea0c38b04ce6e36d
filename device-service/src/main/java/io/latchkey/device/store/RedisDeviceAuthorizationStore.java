package io.latchkey.device.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.latchkey.common.error.OAuthError;
import io.latchkey.common.oidc.IdentityJson;
import io.latchkey.device.config.DeviceConfig;
import io.latchkey.device.device.UserApproval;
import io.latchkey.device.device.Decision;
import io.latchkey.device.device.DeviceAuthorization;
import io.latchkey.device.device.Hashes;
import io.latchkey.device.device.PollOutcome;
import io.latchkey.device.device.Status;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * Device authorizations in Redis: a hash per device code at {@code <prefix>device:code:<sha256(device_code)>}
 * and an index {@code <prefix>device:user:<hmac(user_code)>} holding the record's key. Both expire together.
 */
@ApplicationScoped
public class RedisDeviceAuthorizationStore implements DeviceAuthorizationStore {

    private static final Logger LOG = Logger.getLogger(RedisDeviceAuthorizationStore.class);

    private final ReactiveRedisDataSource redis;
    private final ObjectMapper json;
    private final String codePrefix;
    private final String userPrefix;
    private final String clientPrefix;
    private final int maxOutstandingPerClient;

    public RedisDeviceAuthorizationStore(ReactiveRedisDataSource redis, ObjectMapper json,
            @ConfigProperty(name = "latchkey.redis.key-prefix", defaultValue = "lk:") String keyPrefix,
            DeviceConfig config) {
        this.redis = redis;
        this.json = json;
        this.codePrefix = keyPrefix + "device:code:";
        this.userPrefix = keyPrefix + "device:user:";
        this.clientPrefix = keyPrefix + "device:client:";
        this.maxOutstandingPerClient = config.maxOutstandingPerClient();
    }

    /** Loads the scripts once so the first polls already hit EVALSHA; a miss later falls back to EVAL. */
    void loadScripts(@Observes StartupEvent ignored) {
        Uni.join().all(Scripts.ALL.stream().map(s -> redis.execute("SCRIPT", "LOAD", s.source())).toList())
                .andFailFast()
                .subscribe().with(
                        loaded -> LOG.debugf("Loaded %d Lua scripts", loaded.size()),
                        t -> LOG.warnf("Could not preload Lua scripts (they load on first use): %s", t.toString()));
    }

    public String recordKey(String deviceCodeHash) {
        return codePrefix + deviceCodeHash;
    }

    public String userCodeKey(String userCodeHash) {
        return userPrefix + userCodeHash;
    }

    @Override
    public Uni<Boolean> create(String deviceCodeHash, String userCodeHash, DeviceAuthorization a, long ttlMillis) {
        String userKey = userCodeKey(userCodeHash);
        // one script stores the authorization and enforces the client's cap on outstanding codes
        return Scripts.CREATE.run(redis, 3,
                        userKey, recordKey(deviceCodeHash), clientPrefix + Hashes.sha256(a.clientId()),
                        Long.toString(ttlMillis),
                        Long.toString(System.currentTimeMillis()),
                        Integer.toString(maxOutstandingPerClient),
                        "cid", a.clientId(),
                        "scope", a.scope(),
                        "st", Status.PENDING.stored(),
                        "req", Long.toString(a.requestedAt()),
                        "exp", Long.toString(a.expiresAt()),
                        // the first poll may come at once; later ones must respect the interval
                        "next", Long.toString(a.requestedAt()),
                        "iv", Integer.toString(a.interval()),
                        "ip", nullToEmpty(a.deviceIp()),
                        "ua", nullToEmpty(a.userAgent()),
                        "conf", a.confidentialClient() ? "1" : "0",
                        "uk", userKey)
                .map(r -> {
                    if (r.type() == io.vertx.redis.client.ResponseType.MULTI) {
                        throw atCapacity(a.clientId(), r.get(1).toLong());
                    }
                    long result = r.toLong();
                    if (result < 0) {
                        throw new IllegalStateException("Device code collision");
                    }
                    return result == 1;
                });
    }

    private io.latchkey.common.error.OAuthException atCapacity(String clientId, long retryMillis) {
        long retryAfter = Math.max(1, (retryMillis + 999) / 1000);
        // the hashed client id only, as in every rejection log line
        LOG.infof("Device authorization refused: client key=%s has %d outstanding device codes; retry_after=%ds",
                Hashes.sha256(clientId).substring(0, 16), maxOutstandingPerClient, retryAfter);
        return OAuthError.TOO_MANY_REQUESTS
                .with("This client has too many outstanding device authorizations; retry after the time in Retry-After.")
                .withRetryAfter(retryAfter);
    }

    @Override
    public Uni<PollOutcome> poll(String deviceCodeHash, String clientId, boolean clientAuthenticated, long now,
            long toleranceMillis, long leaseMillis) {
        return Scripts.POLL.run(redis, 1,
                        recordKey(deviceCodeHash),
                        Long.toString(now), clientId, Long.toString(toleranceMillis),
                        clientAuthenticated ? "1" : "0", Long.toString(leaseMillis))
                .map(this::toPollOutcome);
    }

    @Override
    public Uni<Void> consume(String deviceCodeHash) {
        return redis.key().del(recordKey(deviceCodeHash)).replaceWithVoid();
    }

    @Override
    public Uni<Void> release(String deviceCodeHash) {
        return Scripts.RELEASE.run(redis, 1, recordKey(deviceCodeHash)).replaceWithVoid();
    }

    private PollOutcome toPollOutcome(Response r) {
        return switch (r.get(0).toString()) {
            case "authorization_pending" -> PollOutcome.PENDING;
            case "slow_down" -> PollOutcome.slowDown(r.get(1).toInteger());
            case "approved" -> PollOutcome.approved(string(r.get(1)), string(r.get(2)), string(r.get(3)),
                    IdentityJson.read(json, string(r.get(4))));
            case "access_denied" -> PollOutcome.DENIED;
            case "expired_token" -> PollOutcome.EXPIRED;
            case "client_auth_required" -> PollOutcome.CLIENT_AUTH_REQUIRED;
            default -> PollOutcome.INVALID_GRANT;
        };
    }

    @Override
    public Uni<DeviceAuthorization> findPendingByUserCode(String userCodeHash, long now) {
        return Scripts.LOOKUP.run(redis, 1, userCodeKey(userCodeHash), Long.toString(now))
                .map(r -> r == null || r.size() == 0 ? null : toAuthorization(r));
    }

    private static DeviceAuthorization toAuthorization(Response r) {
        // fields in the order Scripts.LOOKUP returns them: st, exp, cid, scope, req, iv, ip, ua, conf
        return new DeviceAuthorization(
                string(r.get(2)),
                string(r.get(3)),
                Status.fromStored(string(r.get(0))),
                Long.parseLong(string(r.get(4))),
                Long.parseLong(string(r.get(1))),
                Integer.parseInt(string(r.get(5))),
                emptyToNull(string(r.get(6))),
                emptyToNull(string(r.get(7))),
                "1".equals(string(r.get(8))));
    }

    @Override
    public Uni<Decision> approve(String userCodeHash, UserApproval approval, long now) {
        return decide(userCodeHash, now, Status.APPROVED, approval.subject(), approval.grantId(),
                nullToEmpty(approval.scope()).trim(),
                nullToEmpty(IdentityJson.write(json, approval.identity())));
    }

    @Override
    public Uni<Decision> deny(String userCodeHash, long now) {
        return decide(userCodeHash, now, Status.DENIED, "", "", "", "");
    }

    private Uni<Decision> decide(String userCodeHash, long now, Status status, String subject, String grantId,
            String scope, String identity) {
        return Scripts.DECIDE.run(redis, 1, userCodeKey(userCodeHash),
                        Long.toString(now), status.stored(), subject, grantId, scope, identity)
                .map(r -> switch (r.toString()) {
                    case "ok" -> Decision.DONE;
                    case "conflict" -> Decision.CONFLICT;
                    case "invalid_scope" -> Decision.INVALID_SCOPE;
                    default -> Decision.NOT_FOUND;
                });
    }

    private static String string(Response r) {
        return r == null ? null : r.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
