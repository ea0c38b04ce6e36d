package io.latchkey.consent.login;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.common.redis.RedisScript;
import io.latchkey.consent.audit.Origin;
import io.latchkey.consent.config.ConsentServiceConfig;
import io.latchkey.consent.redis.RedisKeys;
import io.latchkey.consent.user.User;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.latchkey.common.crypto.Secrets;

/**
 * Browser sessions in Redis under {@code <prefix>session:<sha256(id)>}: the raw id lives only in the cookie.
 * Each session has a TTL ({@code latchkey.session.ttl}). {@code <prefix>user-sessions:<user id>} is the set of a
 * user's session keys (TTL: the newest session's), so disabling a user ends every session at once.
 */
@ApplicationScoped
public class Sessions {

    public static final String COOKIE = "lk_session";

    /**
     * HSET the fields and set the TTL in one atomic step. KEYS: the session only: the user's index lives in another
     * Redis Cluster slot, so it is written first, by {@link #INDEX} (a listed key whose session never came is
     * harmless; a session missing from the index could outlive "end every session").
     */
    private static final RedisScript CREATE = new RedisScript("""
            redis.call('HSET', KEYS[1], unpack(ARGV, 2))
            redis.call('EXPIRE', KEYS[1], ARGV[1])
            return 1""");
    /** KEYS: the user's index. ARGV: session key, TTL s. Adds the session; the index lives as long as the newest. */
    private static final RedisScript INDEX = new RedisScript("""
            redis.call('SADD', KEYS[1], ARGV[1])
            redis.call('EXPIRE', KEYS[1], ARGV[2])
            return 1""");

    /** Set one field only while the session still exists (keeps its TTL; never resurrects an expired key). */
    private static final RedisScript SET_IF_EXISTS = new RedisScript("""
            if redis.call('EXISTS', KEYS[1]) == 1 then
              redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
              return 1
            end
            return 0""");

    /** Clear a field only if it holds the expected value; 1 when it did. */
    private static final RedisScript TAKE_IF_EQUAL = new RedisScript("""
            if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
              redis.call('HSET', KEYS[1], ARGV[1], '')
              return 1
            end
            return 0""");

    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final Duration ttl;

    public Sessions(ReactiveRedisDataSource redis, RedisKeys keys,
                    ConsentServiceConfig config) {
        this.redis = redis;
        this.keys = keys;
        this.ttl = config.session().ttl();
    }

    public Duration ttl() {
        return ttl;
    }

    /** The result of signing in: the raw id for the cookie and the stored session. */
    public record Opened(String id, Session session) {
    }

    /**
     * A brand-new session (new random id on every sign-in: no session fixation), remembering where it signed in
     * from (IP and User-Agent, shown on /account/sessions).
     */
    public Uni<Opened> open(User user, Origin origin) {
        String id = Secrets.random256();
        Session s = new Session(keyOf(id), user.id, user.username, user.displayName, Secrets.random256(),
                Instant.now(), null, origin == null ? null : origin.ip(), origin == null ? null : origin.userAgent(),
                null);
        String ttlSeconds = String.valueOf(ttl.toSeconds());
        java.util.List<Object> args = new java.util.ArrayList<>(java.util.List.of(s.key(), ttlSeconds,
                "user_id", s.userId().toString(),
                "username", s.username(),
                "display_name", s.displayName(),
                "csrf", s.csrf(),
                "created_at", s.createdAt().toString()));
        if (s.ip() != null) {
            args.addAll(java.util.List.of("ip", s.ip()));
        }
        if (s.userAgent() != null) {
            args.addAll(java.util.List.of("user_agent", s.userAgent()));
        }
        return INDEX.run(redis, 1, userIndex(user.id), s.key(), ttlSeconds)
                .flatMap(indexed -> CREATE.run(redis, 1, args.toArray()))
                .map(ignored -> new Opened(id, s));
    }

    /** The user's live browser sessions, newest first (index members whose session expired are skipped). */
    public Uni<java.util.List<Session>> listOf(UUID userId) {
        return redis.set(String.class).smembers(userIndex(userId))
                .flatMap(members -> {
                    if (members.isEmpty()) {
                        return Uni.createFrom().item(java.util.List.<Session>of());
                    }
                    java.util.List<Uni<Session>> reads = members.stream()
                            .map(k -> redis.hash(String.class).hgetall(k).map(f -> fromFields(k, f)))
                            .toList();
                    return Uni.join().all(reads).andFailFast()
                            .map(found -> found.stream()
                                    .filter(x -> x != null && userId.equals(x.userId()))
                                    .sorted(java.util.Comparator.comparing(Session::createdAt).reversed())
                                    .toList());
                });
    }

    /** Ends every other browser session of this session's user at once; the number of live sessions ended. */
    public Uni<Integer> closeOthers(Session keep) {
        // as closeAllOf: the sessions sit in other Redis Cluster slots than the index, so no one script spans them
        String index = userIndex(keep.userId());
        return redis.set(String.class).smembers(index)
                .flatMap(members -> {
                    String[] others = members.stream().filter(k -> !k.equals(keep.key())).toArray(String[]::new);
                    return others.length == 0
                            ? Uni.createFrom().item(0)
                            : redis.key().del(others)
                                    .flatMap(ended -> redis.set(String.class).srem(index, others).replaceWith(ended));
                });
    }

    /** The session for a cookie value, or null when absent, malformed or expired. */
    public Uni<Session> find(String id) {
        if (!Secrets.isRandom256(id)) {
            return Uni.createFrom().nullItem();
        }
        String key = keyOf(id);
        return redis.hash(String.class).hgetall(key).map(fields -> fromFields(key, fields));
    }

    public Uni<Void> close(String id) {
        if (!Secrets.isRandom256(id)) {
            return Uni.createFrom().voidItem();
        }
        return redis.key().del(keyOf(id)).replaceWithVoid();
    }

    /** Ends every browser session of the user (disabling a user); the number of live sessions ended. */
    public Uni<Integer> closeAllOf(UUID userId) {
        // the sessions sit in other Redis Cluster slots than the index: read it, delete them (DEL is split by slot),
        // then take out of the index exactly the members read (a session opened meanwhile stays listed)
        String index = userIndex(userId);
        return redis.set(String.class).smembers(index)
                .flatMap(members -> members.isEmpty()
                        ? Uni.createFrom().item(0)
                        : redis.key().del(members.toArray(String[]::new))
                                .flatMap(ended -> redis.set(String.class).srem(index, members.toArray(String[]::new))
                                        .replaceWith(ended)));
    }

    /** RFC 8628 §5.5: remember which user code this browser session looked up. */
    public Uni<Boolean> rememberDeviceCode(Session session, String userCode) {
        return setField(session, "device_user_code", userCode);
    }

    /** Remembers this session's last device decision, for the page its redirect leads to (post/redirect/get). */
    public Uni<Boolean> rememberDeviceDecision(Session session, boolean approved, String clientId) {
        return setField(session, "device_decided", (approved ? "approved:" : "denied:") + clientId);
    }

    /**
     * Takes the remembered user code for a decision: true (and the code is cleared) only when this session looked
     * up exactly this code. Atomic, so a looked-up code is good for one decision only, even under double submits.
     */
    public Uni<Boolean> takeDeviceCode(Session session, String userCode) {
        return TAKE_IF_EQUAL.run(redis, 1, session.key(), "device_user_code", userCode)
                .map(r -> r.toInteger() == 1);
    }

    private Uni<Boolean> setField(Session session, String field, String value) {
        return SET_IF_EXISTS.run(redis, 1, session.key(), field, value)
                .map(r -> r.toInteger() == 1);
    }

    private String userIndex(UUID userId) {
        return keys.key("user-sessions", userId.toString());
    }

    private String keyOf(String id) {
        return keys.key("session", Secrets.sha256Hex(id));
    }

    private static Session fromFields(String key, Map<String, String> f) {
        if (f == null || f.isEmpty() || f.get("user_id") == null) {
            return null;
        }
        String code = f.get("device_user_code");
        return new Session(key, UUID.fromString(f.get("user_id")), f.get("username"), f.get("display_name"),
                f.get("csrf"), Instant.parse(f.get("created_at")), code == null || code.isEmpty() ? null : code,
                f.get("ip"), f.get("user_agent"), f.get("device_decided"));
    }
}
