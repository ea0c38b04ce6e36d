package io.latchkey.device.store;

import java.util.List;

import io.latchkey.common.redis.RedisScript;

/**
 * The Lua scripts behind {@link RedisDeviceAuthorizationStore}, one per behaviour, run by oauth-common's
 * {@link RedisScript} (EVALSHA). Each touches only the keys in KEYS (never a key
 * name computed or read inside Lua), one key per script, so every script runs unchanged on a Redis Cluster.
 *
 * <p>Record fields (one-letter names keep the hash a small listpack; docs/internal-api.md, "device-service: Redis keys"):
 * h (SHA-256 of the device code, 32 raw bytes), c (client_id), s (requested scope), t (status a|d|m; absent =
 * pending), e (expiry, epoch ms), q (lifetime ms: e - q = requested at), i (interval s; absent = the configured one),
 * n (next poll allowed, epoch ms; absent = at once), a (device IP, 4 or 16 raw bytes), u (device label from its
 * User-Agent), f (1 = confidential client; absent = public), and once approved o (subject), g (grant id),
 * x (approved scope), j (the OpenID Connect sign-in as JSON, or empty), l (mint lease until, epoch ms).
 */
final class Scripts {

    private Scripts() {
    }

    /**
     * A new authorization: counts it against the client's cap, stores its record, or both, by which keys it is given.
     * KEYS: the client's outstanding-codes counter (a hash: bucket number -> codes issued in it) when counting, then
     * the record when storing. ARGV: now ms, code ttl ms, bucket width ms, most outstanding codes ('' = do not count),
     * then the record's field/value pairs (none = do not store). Counting drops the buckets that can no longer hold an
     * unexpired code and sums the rest; at the cap it returns {-2, ms until its oldest bucket has expired} (nothing
     * counted, nothing stored), else it counts this code. Storing returns 0 when the user code's record exists (a code
     * counted in the same call stays counted, so a retry stores without counting), else 1.
     *
     * <p>One Redis: count and store in one call (one command, one round trip). Redis Cluster: the counter and the
     * record are on different slots, so they are two calls of this script, one key each.
     */
    static final RedisScript ISSUE = new RedisScript("""
            local ttl = tonumber(ARGV[2])
            local k = 1
            if ARGV[4] ~= '' then
              local now, w = tonumber(ARGV[1]), tonumber(ARGV[3])
              local live = math.floor((now - ttl) / w)
              local all = redis.call('HGETALL', KEYS[1])
              local total, oldest = 0, nil
              for i = 1, #all, 2 do
                local b = tonumber(all[i])
                if b < live then
                  redis.call('HDEL', KEYS[1], all[i])
                else
                  total = total + tonumber(all[i + 1])
                  if not oldest or b < oldest then oldest = b end
                end
              end
              if total >= tonumber(ARGV[4]) then return {-2, (oldest + 1) * w + ttl - now} end
              redis.call('HINCRBY', KEYS[1], string.format('%d', math.floor(now / w)), 1)
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              k = 2
            end
            if #ARGV > 4 then
              if redis.call('EXISTS', KEYS[k]) == 1 then return 0 end
              redis.call('HSET', KEYS[k], unpack(ARGV, 5))
              redis.call('PEXPIRE', KEYS[k], ARGV[2])
            end
            return 1
            """);

    /**
     * KEYS: record. ARGV: now ms, client_id, tolerance ms, client authenticated (1|0), mint lease ms, device code
     * hash, configured interval s. The whole RFC 8628 §3.5 decision in one round trip. An approved record is claimed
     * here, atomically, by exactly one poll (racing polls see authorization_pending while it mints); it is deleted
     * after a successful mint and released after a failed one, so an outage of token-service never loses an approval.
     */
    static final RedisScript POLL = new RedisScript("""
            local r = redis.call('HMGET', KEYS[1], 'h', 'c', 't', 'e', 'i', 'n', 'f', 'o', 'g', 'x', 'l', 'j', 'a', 'u')
            if not r[1] or r[1] ~= ARGV[6] or r[2] ~= ARGV[2] then return {'invalid_grant'} end
            if r[7] == '1' and ARGV[4] ~= '1' then return {'client_auth_required'} end
            local now = tonumber(ARGV[1])
            if now > tonumber(r[4]) then return {'expired_token'} end
            local st = r[3] or 'p'
            if st == 'd' then return {'access_denied'} end
            if st == 'a' or (st == 'm' and now > tonumber(r[11] or '0')) then
              -- claimed by this poll alone; deleted once the tokens are minted, released if minting fails
              redis.call('HSET', KEYS[1], 't', 'm', 'l', string.format('%.0f', now + tonumber(ARGV[5])))
              return {'approved', r[8] or '', r[9] or '', r[10] or '', r[12] or '', r[13] or '', r[14] or ''}
            end
            if st == 'm' then return {'authorization_pending'} end
            local iv = tonumber(r[5] or ARGV[7])
            if r[6] and now < tonumber(r[6]) - tonumber(ARGV[3]) then
              iv = iv + 5
              redis.call('HSET', KEYS[1], 'i', string.format('%d', iv))
              return {'slow_down', string.format('%d', iv)}
            end
            redis.call('HSET', KEYS[1], 'n', string.format('%.0f', now + iv * 1000))
            return {'authorization_pending'}
            """);

    /**
     * KEYS: record. ARGV: now ms. The pending, unexpired record's e, c, s, q, i, a, u, f (in that order, '' for an
     * absent field) or nil.
     */
    static final RedisScript LOOKUP = new RedisScript("""
            local r = redis.call('HMGET', KEYS[1], 't', 'e', 'c', 's', 'q', 'i', 'a', 'u', 'f')
            if not r[3] or (r[1] or 'p') ~= 'p' or tonumber(ARGV[1]) > tonumber(r[2]) then return false end
            return {r[2], r[3], r[4], r[5], r[6] or '', r[7] or '', r[8] or '', r[9] or ''}
            """);

    /**
     * KEYS: record. ARGV: now ms, new status (a|d), subject, grant id, approved scope ('' = all requested),
     * the OpenID Connect sign-in as JSON ('' = none).
     * Returns ok, not_found, conflict or invalid_scope.
     */
    static final RedisScript DECIDE = new RedisScript("""
            local r = redis.call('HMGET', KEYS[1], 'c', 't', 'e', 's')
            if not r[1] or tonumber(ARGV[1]) > tonumber(r[3]) then return 'not_found' end
            if (r[2] or 'p') ~= 'p' then return 'conflict' end
            if ARGV[2] == 'd' then
              redis.call('HSET', KEYS[1], 't', 'd')
              return 'ok'
            end
            local scope = ARGV[5]
            if scope == '' then scope = r[4] end
            local requested = {}
            for s in string.gmatch(r[4], '%S+') do requested[s] = true end
            for s in string.gmatch(scope, '%S+') do
              if not requested[s] then return 'invalid_scope' end
            end
            redis.call('HSET', KEYS[1], 't', 'a', 'o', ARGV[3], 'g', ARGV[4], 'x', scope, 'j', ARGV[6])
            return 'ok'
            """);

    /** KEYS: record. ARGV: device code hash. Gives a claimed ('m') authorization back to 'a' after a failed mint. */
    static final RedisScript RELEASE = new RedisScript("""
            local r = redis.call('HMGET', KEYS[1], 'h', 't')
            if r[1] == ARGV[1] and r[2] == 'm' then
              redis.call('HSET', KEYS[1], 't', 'a')
              return 1
            end
            return 0
            """);

    /** KEYS: record. ARGV: device code hash. Deletes the record of that device code (and no other). */
    static final RedisScript CONSUME = new RedisScript("""
            if redis.call('HGET', KEYS[1], 'h') == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """);

    static final List<RedisScript> ALL = List.of(ISSUE, POLL, LOOKUP, DECIDE, RELEASE, CONSUME);
}
