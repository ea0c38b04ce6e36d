package io.latchkey.device.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.latchkey.common.contract.SessionInfo;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;
import io.latchkey.common.oidc.IdentityJson;
import io.latchkey.common.redis.RedisScript;
import io.latchkey.device.config.DeviceConfig;
import io.latchkey.device.config.DeviceServiceConfig;
import io.latchkey.device.device.CodeKeys;
import io.latchkey.device.device.Decision;
import io.latchkey.device.device.DeviceAuthorization;
import io.latchkey.device.device.DeviceCodes;
import io.latchkey.common.crypto.Secrets;
import io.latchkey.device.device.PollOutcome;
import io.latchkey.device.device.Status;
import io.latchkey.device.device.UserApproval;
import io.netty.util.NetUtil;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.AsyncResultUni;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;

/**
 * Device authorizations in Redis: ONE hash per authorization at {@code <prefix>d:<locator>}, the locator being the
 * first characters of the user code's HMAC (so a user-code lookup finds it) and the first characters of the device
 * code (so a poll finds it); the record holds the SHA-256 of the device code, which a poll must match. Per client, a
 * small hash {@code <prefix>device:client:<sha256(client_id)>} counts the codes issued per time bucket (the cap on
 * outstanding codes). docs/internal-api.md, "device-service: Redis keys".
 *
 * <p>On one Redis a new authorization is one script (the cap and the record together: one command, one round trip).
 * On a Redis Cluster ({@code quarkus.redis.client-type=cluster}) every script touches one key; the record and the
 * client's counter live on different slots, so a new authorization sends both scripts at once (two commands, still
 * one round trip of latency) and deletes the record again in the rare case the client turns out to be at its cap.
 */
@ApplicationScoped
public class RedisDeviceAuthorizationStore implements DeviceAuthorizationStore {

    private static final Logger LOG = Logger.getLogger(RedisDeviceAuthorizationStore.class);
    /** The counter's buckets: a code's lifetime in this many slices (docs/internal-api.md: the cap may count a code one slice late). */
    static final int BUCKETS = 60;

    /** The plain Vert.x client behind the data source: what oauth-common's {@link RedisScript} runs on. */
    private final Redis redis;
    private final ObjectMapper json;
    private final String recordPrefix;
    private final String clientPrefix;
    private final int maxOutstandingPerClient;
    private final String maxOutstanding;
    private final int defaultInterval;
    private final String defaultIntervalArg;
    /** quarkus.redis.client-type=cluster: the record and the client's counter are written by two scripts. */
    private final boolean cluster;
    /** Client counter key names, hashed once per client (bounded: cleared when full). */
    private final Map<String, String> clientKeys = new ConcurrentHashMap<>();
    private static final int MAX_CLIENT_KEYS = 10_000;

    public RedisDeviceAuthorizationStore(ReactiveRedisDataSource redis, ObjectMapper json, String keyPrefix,
            DeviceConfig config) {
        this(redis, json, keyPrefix, config, "standalone");
    }

    @jakarta.inject.Inject
    public RedisDeviceAuthorizationStore(ReactiveRedisDataSource redis, ObjectMapper json, DeviceServiceConfig config,
            @ConfigProperty(name = "quarkus.redis.client-type", defaultValue = "standalone") String clientType) {
        this(redis, json, config.redis().keyPrefix(), config.device(), clientType);
    }

    public RedisDeviceAuthorizationStore(ReactiveRedisDataSource redis, ObjectMapper json, String keyPrefix,
            DeviceConfig config, String clientType) {
        this.cluster = "cluster".equalsIgnoreCase(clientType);
        this.redis = redis.getRedis().getDelegate();
        this.json = json;
        this.recordPrefix = keyPrefix + "d:";
        this.clientPrefix = keyPrefix + "device:client:";
        this.maxOutstandingPerClient = config.maxOutstandingPerClient();
        this.maxOutstanding = Integer.toString(maxOutstandingPerClient);
        this.defaultInterval = config.interval();
        this.defaultIntervalArg = Integer.toString(defaultInterval);
    }

    /** Loads the scripts once so the first calls already hit EVALSHA; a miss later runs EVAL once (RedisScript). */
    void loadScripts(@Observes StartupEvent ignored) {
        io.vertx.core.Future.all(Scripts.ALL.stream().map(s -> s.load(redis)).toList())
                .onSuccess(loaded -> LOG.debugf("Loaded %d Lua scripts", loaded.size()))
                .onFailure(t -> LOG.warnf("Could not preload Lua scripts (they load on first use): %s", t.toString()));
    }

    /** One script call as a (lazy) Uni. */
    private Uni<Response> run(RedisScript script, int numKeys, Object... keysAndArgs) {
        return AsyncResultUni.toUni(done -> script.run(redis, numKeys, keysAndArgs).onComplete(done));
    }

    /** The one key of the authorization whose codes share this locator. */
    public String recordKey(String locator) {
        return recordPrefix + locator;
    }

    public String clientKey(String clientId) {
        String key = clientKeys.get(clientId);
        if (key == null) {
            if (clientKeys.size() >= MAX_CLIENT_KEYS) {
                clientKeys.clear();
            }
            key = clientPrefix + Secrets.sha256Base64Url(clientId);
            clientKeys.put(clientId, key);
        }
        return key;
    }

    @Override
    public Uni<Boolean> create(CodeKeys keys, DeviceAuthorization a, long ttlMillis, boolean reserve) {
        String ttl = Long.toString(ttlMillis);
        String now = Long.toString(System.currentTimeMillis());
        String width = Long.toString(Math.max(1, ttlMillis / BUCKETS));
        String recordKey = recordKey(keys.locator());
        if (!reserve) {
            return run(Scripts.ISSUE, 1, fields(List.of(recordKey, now, ttl, width, ""), keys, a))
                    .map(r -> r.toLong() == 1);
        }
        if (!cluster) {
            // one Redis: the cap and the record in one script, one round trip
            return run(Scripts.ISSUE, 2,
                            fields(List.of(clientKey(a.clientId()), recordKey, now, ttl, width, maxOutstanding), keys, a))
                    .map(r -> {
                        if (r.type() == ResponseType.MULTI) {
                            throw atCapacity(a.clientId(), r.get(1).toLong());
                        }
                        return r.toLong() == 1;
                    });
        }
        // Redis Cluster: the counter and the record are on different slots, so both calls are sent at once (one
        // round trip of latency, two commands); a record made for a client found at its cap is deleted again
        Uni<Response> reserved = run(Scripts.ISSUE, 1, clientKey(a.clientId()), now, ttl, width, maxOutstanding);
        Uni<Boolean> created = run(Scripts.ISSUE, 1, fields(List.of(recordKey, now, ttl, width, ""), keys, a))
                .map(r -> r.toLong() == 1);
        return Uni.combine().all().unis(reserved, created).asTuple()
                .<Boolean>chain(both -> {
                    Response r = both.getItem1();
                    if (r.type() != ResponseType.MULTI) {
                        return Uni.createFrom().item(both.getItem2());
                    }
                    OAuthException refused = atCapacity(a.clientId(), r.get(1).toLong());
                    Uni<Void> undo = both.getItem2() ? consume(keys) : Uni.createFrom().voidItem();
                    return undo.chain(() -> Uni.createFrom().<Boolean>failure(refused));
                });
    }

    /** {@code leading} (keys and arguments), then the record's field/value pairs. */
    private Object[] fields(List<String> leading, CodeKeys keys, DeviceAuthorization a) {
        List<Object> args = new ArrayList<>(28);
        args.addAll(leading);
        add(args, "h", keys.deviceCodeHash());
        add(args, "c", a.clientId());
        add(args, "s", a.scope());
        add(args, "e", Long.toString(a.expiresAt()));
        add(args, "q", Long.toString(a.expiresAt() - a.requestedAt()));
        if (a.status() != Status.PENDING) {
            add(args, "t", a.status().stored());
        }
        if (a.interval() != defaultInterval) {
            add(args, "i", Integer.toString(a.interval()));
        }
        byte[] ip = a.deviceIp() == null ? null : NetUtil.createByteArrayFromIpAddressString(a.deviceIp());
        if (ip != null) {
            add(args, "a", ip);
        }
        if (a.userAgent() != null && !a.userAgent().isEmpty()) {
            add(args, "u", a.userAgent());
        }
        if (a.confidentialClient()) {
            add(args, "f", "1");
        }
        return args.toArray();
    }

    private static void add(List<Object> args, String field, Object value) {
        args.add(field);
        args.add(value);
    }

    private OAuthException atCapacity(String clientId, long retryMillis) {
        long retryAfter = Math.max(1, (retryMillis + 999) / 1000);
        // the hashed client id only, as in every rejection log line
        LOG.infof("Device authorization refused: client key=%s has %d outstanding device codes; retry_after=%ds",
                Secrets.sha256Base64Url(clientId).substring(0, 16), maxOutstandingPerClient, retryAfter);
        return OAuthError.TOO_MANY_REQUESTS
                .with("This client has too many outstanding device authorizations; retry after the time in Retry-After.")
                .withRetryAfter(retryAfter);
    }

    @Override
    public Uni<PollOutcome> poll(CodeKeys keys, String clientId, boolean clientAuthenticated, long now,
            long toleranceMillis, long leaseMillis) {
        return run(Scripts.POLL, 1,
                        recordKey(keys.locator()),
                        Long.toString(now), clientId, Long.toString(toleranceMillis),
                        clientAuthenticated ? "1" : "0", Long.toString(leaseMillis), keys.deviceCodeHash(),
                        defaultIntervalArg)
                .map(this::toPollOutcome);
    }

    @Override
    public Uni<Void> consume(CodeKeys keys) {
        return run(Scripts.CONSUME, 1, recordKey(keys.locator()), keys.deviceCodeHash()).replaceWithVoid();
    }

    @Override
    public Uni<Void> release(CodeKeys keys) {
        return run(Scripts.RELEASE, 1, recordKey(keys.locator()), keys.deviceCodeHash()).replaceWithVoid();
    }

    private PollOutcome toPollOutcome(Response r) {
        return switch (r.get(0).toString()) {
            case "authorization_pending" -> PollOutcome.PENDING;
            case "slow_down" -> PollOutcome.slowDown(r.get(1).toInteger());
            case "approved" -> PollOutcome.approved(string(r.get(1)), string(r.get(2)), string(r.get(3)),
                    IdentityJson.read(json, string(r.get(4))),
                    new SessionInfo(emptyToNull(string(r.get(6))), ip(r.get(5)), null));
            case "access_denied" -> PollOutcome.DENIED;
            case "expired_token" -> PollOutcome.EXPIRED;
            case "client_auth_required" -> PollOutcome.CLIENT_AUTH_REQUIRED;
            default -> PollOutcome.INVALID_GRANT;
        };
    }

    @Override
    public Uni<DeviceAuthorization> findPendingByUserCode(String userCodeHash, long now) {
        return run(Scripts.LOOKUP, 1, recordKey(DeviceCodes.locator(userCodeHash)), Long.toString(now))
                .map(r -> r == null || r.size() == 0 ? null : toAuthorization(r));
    }

    private DeviceAuthorization toAuthorization(Response r) {
        // fields in the order Scripts.LOOKUP returns them: e, c, s, q, i, a, u, f
        long expiresAt = Long.parseLong(string(r.get(0)));
        String interval = string(r.get(4));
        return new DeviceAuthorization(
                string(r.get(1)),
                string(r.get(2)),
                Status.PENDING,
                expiresAt - Long.parseLong(string(r.get(3))),
                expiresAt,
                interval.isEmpty() ? defaultInterval : Integer.parseInt(interval),
                ip(r.get(5)),
                emptyToNull(string(r.get(6))),
                "1".equals(string(r.get(7))));
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
        return run(Scripts.DECIDE, 1, recordKey(DeviceCodes.locator(userCodeHash)),
                        Long.toString(now), status.stored(), subject, grantId, scope, identity)
                .map(r -> switch (r.toString()) {
                    case "ok" -> Decision.DONE;
                    case "conflict" -> Decision.CONFLICT;
                    case "invalid_scope" -> Decision.INVALID_SCOPE;
                    default -> Decision.NOT_FOUND;
                });
    }

    /** The stored raw address as its text form (RFC 5952 for IPv6), or null. */
    private static String ip(Response r) {
        byte[] bytes = r == null ? null : r.toBytes();
        return bytes == null || (bytes.length != 4 && bytes.length != 16) ? null : NetUtil.bytesToIpAddress(bytes);
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
