package io.latchkey.consent.login;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.latchkey.common.redis.RedisScript;
import io.latchkey.consent.redis.RedisKeys;
import io.latchkey.consent.user.UserRepository;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import io.latchkey.common.crypto.Secrets;

/**
 * Sign-in attempts counted per account (across IPs) and per IP (across accounts), before the password is checked, so
 * concurrent guesses are counted too. Past the free failures each attempt sets an exponential back-off during which
 * further attempts are refused. A successful sign-in forgets the account's failures and takes back its own count
 * from the IP, so each counter holds failures only.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);

    /**
     * KEYS: account counter, IP counter (hashes: n = attempts, until = back-off end, ms). ARGV: free failures of each,
     * back-off base ms, back-off max ms, window ms. Returns {1} when counted, else {0, retry ms, refusing key index}.
     */
    static final RedisScript ADMIT = new RedisScript("""
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            for i, key in ipairs(KEYS) do
              local untilMs = tonumber(redis.call('HGET', key, 'until') or '0')
              if now < untilMs then return {0, untilMs - now, i} end
            end
            for i, key in ipairs(KEYS) do
              local free = tonumber(ARGV[i])
              local n = redis.call('HINCRBY', key, 'n', 1)
              local ttl = tonumber(ARGV[5])
              if n > free then
                local backoff = math.min(tonumber(ARGV[4]), tonumber(ARGV[3]) * 2 ^ (n - free - 1))
                redis.call('HSET', key, 'until', string.format('%d', now + backoff))
                if backoff > ttl then ttl = backoff end
              end
              redis.call('PEXPIRE', key, string.format('%d', ttl))
            end
            return {1, 0, 0}""");

    /** KEYS: account counter, IP counter. ARGV: IP free failures. Forgets the account, refunds one IP attempt. */
    static final RedisScript SUCCEEDED = new RedisScript("""
            redis.call('DEL', KEYS[1])
            local n = tonumber(redis.call('HGET', KEYS[2], 'n') or '0')
            if n > 0 then n = redis.call('HINCRBY', KEYS[2], 'n', -1) end
            if n <= tonumber(ARGV[1]) then redis.call('HDEL', KEYS[2], 'until') end
            return 0""");

    /**
     * KEYS: account counter, IP counter. ARGV: their free failures. Takes back one attempt from each (the password
     * was never checked: no slot was free), lifting a back-off that attempt set.
     */
    static final RedisScript NOT_CHECKED = new RedisScript("""
            for i, key in ipairs(KEYS) do
              local n = tonumber(redis.call('HGET', key, 'n') or '0')
              if n > 0 then n = redis.call('HINCRBY', key, 'n', -1) end
              if n <= tonumber(ARGV[i]) then redis.call('HDEL', key, 'until') end
            end
            return 0""");

    private final ReactiveRedisDataSource redis;
    private final RedisKeys keys;
    private final LoginConfig config;

    public LoginThrottle(ReactiveRedisDataSource redis, RedisKeys keys, LoginConfig config) {
        this.redis = redis;
        this.keys = keys;
        this.config = config;
    }

    /** Counts this attempt, or refuses it while the account or the IP is backing off. */
    public Uni<Admission> admit(String username, String ip) {
        String account = accountKey(username);
        String address = ipKey(ip);
        return ADMIT.run(redis, 2, account, address,
                        Integer.toString(config.accountFreeFailures()), Integer.toString(config.ipFreeFailures()),
                        Long.toString(config.backoffBase().toMillis()), Long.toString(config.backoffMax().toMillis()),
                        Long.toString(config.failureWindow().toMillis()))
                .map(r -> admission(r, account, address));
    }

    public Uni<Void> succeeded(String username, String ip) {
        return SUCCEEDED.run(redis, 2, accountKey(username), ipKey(ip),
                        Integer.toString(config.ipFreeFailures()))
                .replaceWithVoid();
    }

    /** The counted attempt was answered 503 before its password was checked: it is not a failure. */
    public Uni<Void> notChecked(String username, String ip) {
        return NOT_CHECKED.run(redis, 2, accountKey(username), ipKey(ip),
                        Integer.toString(config.accountFreeFailures()), Integer.toString(config.ipFreeFailures()))
                .replaceWithVoid();
    }

    private static Admission admission(Response r, String account, String address) {
        if (r.get(0).toInteger() == 1) {
            return Admission.COUNTED;
        }
        Admission refused = Admission.refused(r.get(2).toInteger() == 1 ? "account" : "ip", r.get(1).toLong());
        String key = r.get(2).toInteger() == 1 ? account : address;
        // the hashed key only: never the email address, the IP or the password
        LOG.infof("Sign-in refused by the %s back-off: key=%s retry_after=%ds", refused.limit(),
                key.substring(key.lastIndexOf(':') + 1, key.lastIndexOf(':') + 17), refused.retryAfterSeconds());
        return refused;
    }

    private String accountKey(String username) {
        // hashed: neither the email address nor the IP appears in a Redis key; unknown accounts are counted alike
        // both counters of an attempt share the {login} hash tag: ADMIT decides on both at once
        return keys.tagged("login", "account", Secrets.sha256Hex(UserRepository.canonical(username)));
    }

    private String ipKey(String ip) {
        return keys.tagged("login", "ip", Secrets.sha256Hex(ip));
    }

    /** Counted (go on and check the password), or refused by the {@code limit} back-off for a while. */
    public record Admission(String limit, long retryAfterSeconds) {

        static final Admission COUNTED = new Admission(null, 0);

        static Admission refused(String limit, long retryAfterMillis) {
            return new Admission(limit, Math.max(1, (retryAfterMillis + 999) / 1000));
        }

        public boolean counted() {
            return limit == null;
        }
    }
}
