package io.latchkey.token.code;

import java.time.Duration;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.latchkey.common.redis.RedisScript;
import io.latchkey.common.contract.SessionInfo;
import io.latchkey.common.oidc.IdentityJson;
import io.latchkey.common.crypto.Secrets;
import io.latchkey.token.config.TokenServiceConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * Authorization codes in Redis, one hash per code at {@code <prefix>code:<sha256(code)>}: the raw code is never
 * stored. Fields: cid, ruri, cc (PKCE challenge or empty), sub, gid, scope, idn (the OpenID Connect sign-in as
 * JSON, or empty), ses (the approving browser, {@link io.latchkey.common.contract.SessionInfo} as JSON, or empty),
 * st (i = issued, r = redeemed) and, once
 * redeemed, the tokens it gave (jti, jexp, rth) and reuse = 1 after a second presentation. The record lives
 * {@code latchkey.code.ttl} from issue, redeemed or not, so a replay within that time is recognised.
 */
@ApplicationScoped
public class AuthorizationCodeStore {

    /** How long a PKCE challenge is remembered to spot clients that send the same one every time (RFC 9700 §2.1.1). */
    static final Duration CHALLENGE_MEMORY = Duration.ofHours(1);

    /**
     * KEYS: record. ARGV: ttl ms, field/value pairs. 1 ok, -1 taken. The PKCE challenge marker is set before, on its
     * own ({@code SET NX}): it lives in another Redis Cluster slot than the record, so one script cannot hold both.
     */
    private static final RedisScript ISSUE = new RedisScript("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return -1 end
            redis.call('HSET', KEYS[1], unpack(ARGV, 2))
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1""");

    /** KEYS: record. Marks an issued code redeemed, atomically, so exactly one presentation is FRESH. */
    private static final RedisScript REDEEM = new RedisScript("""
            local st = redis.call('HGET', KEYS[1], 'st')
            if not st then return {'unknown'} end
            if st == 'i' then
              redis.call('HSET', KEYS[1], 'st', 'r')
              local r = redis.call('HMGET', KEYS[1], 'cid', 'ruri', 'cc', 'sub', 'gid', 'scope', 'idn', 'ses')
              return {'fresh', r[1] or '', r[2] or '', r[3] or '', r[4] or '', r[5] or '', r[6] or '', r[7] or '',
                      r[8] or ''}
            end
            redis.call('HSET', KEYS[1], 'reuse', '1')
            local t = redis.call('HMGET', KEYS[1], 'jti', 'jexp', 'rth')
            return {'reused', t[1] or '', t[2] or '', t[3] or ''}""");

    /** KEYS: record. ARGV: jti, jexp, rth. 1 recorded, 2 recorded but the code was presented again meanwhile, 0 gone. */
    private static final RedisScript RECORD = new RedisScript("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('HSET', KEYS[1], 'jti', ARGV[1], 'jexp', ARGV[2], 'rth', ARGV[3])
            if redis.call('HGET', KEYS[1], 'reuse') == '1' then return 2 end
            return 1""");

    /** What {@link #issue} answers: the code, or null when the PKCE challenge was seen before. */
    public record Issued(String code) {
    }

    private final ReactiveRedisDataSource redis;
    private final ObjectMapper json;
    private final String prefix;
    private final Duration ttl;

    public AuthorizationCodeStore(ReactiveRedisDataSource redis, ObjectMapper json, TokenServiceConfig config) {
        this.redis = redis;
        this.json = json;
        this.prefix = config.redis().keyPrefix();
        this.ttl = config.code().ttl();
    }

    /** Stores a new code for this authorization and returns it (256 random bits, RFC 6749 §10.10). */
    public Uni<Issued> issue(AuthorizationCode a) {
        if (!a.hasChallenge()) {
            return store(a, "");
        }
        // RFC 9700 §2.1.1: a challenge seen within the last hour is refused (a constant challenge)
        return redis.execute("SET", challengeKey(a.codeChallenge()), "1", "NX", "PX",
                        Long.toString(CHALLENGE_MEMORY.toMillis()))
                .flatMap(set -> set == null ? Uni.createFrom().item(new Issued(null)) : store(a, a.codeChallenge()));
    }

    private Uni<Issued> store(AuthorizationCode a, String challenge) {
        String code = Secrets.random(32);
        Object[] keyAndFields = {recordKey(code),
                Long.toString(ttl.toMillis()),
                "cid", a.clientId(), "ruri", a.redirectUri(), "cc", challenge,
                "sub", a.subject(), "gid", a.grantId(), "scope", a.scope() == null ? "" : a.scope(),
                "idn", nullToEmpty(IdentityJson.write(json, a.identity())), "ses", sessionJson(a.session()), "st", "i"};
        return ISSUE.run(redis, 1, keyAndFields)
                .map(r -> {
                    if (r.toInteger() != 1) {
                        throw new IllegalStateException("Authorization code collision");
                    }
                    return new Issued(code);
                });
    }

    String challengeKey(String challenge) {
        return prefix + "code-challenge:" + hex(Secrets.sha256(challenge));
    }

    /** Presents a code: FRESH exactly once, REUSED afterwards until the record expires, else UNKNOWN. */
    public Uni<Redemption> redeem(String code) {
        return REDEEM.run(redis, 1, recordKey(code))
                .map(this::toRedemption);
    }

    /** Remembers what the FRESH redemption issued; true when the code was presented again in the meantime. */
    public Uni<Boolean> recordIssued(String code, IssuedTokens issued) {
        return RECORD.run(redis, 1, recordKey(code),
                        nullToEmpty(issued.jti()), Long.toString(issued.accessExpiresAt()),
                        nullToEmpty(issued.refreshTokenHash()))
                .map(r -> r.toInteger() == 2);
    }

    public Duration ttl() {
        return ttl;
    }

    String recordKey(String code) {
        return prefix + "code:" + hex(Secrets.sha256(code));
    }

    private Redemption toRedemption(Response r) {
        String status = r.get(0).toString();
        return switch (status) {
            case "fresh" -> Redemption.fresh(new AuthorizationCode(r.get(1).toString(), r.get(2).toString(),
                    emptyToNull(r.get(3).toString()), r.get(4).toString(), r.get(5).toString(), r.get(6).toString(),
                    IdentityJson.read(json, r.get(7).toString()), readSession(r.get(8).toString())));
            case "reused" -> Redemption.reused(new IssuedTokens(emptyToNull(r.get(1).toString()),
                    r.get(2).toString().isEmpty() ? 0 : Long.parseLong(r.get(2).toString()),
                    emptyToNull(r.get(3).toString())));
            default -> Redemption.unknown();
        };
    }

    private String sessionJson(SessionInfo session) {
        if (session == null) {
            return "";
        }
        try {
            return json.writeValueAsString(session);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("SessionInfo is not serialisable", e);
        }
    }

    private SessionInfo readSession(String stored) {
        if (stored == null || stored.isEmpty()) {
            return null;
        }
        try {
            return json.readValue(stored, SessionInfo.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // a record we wrote ourselves; if it cannot be read the session simply goes unrecorded
            return null;
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
