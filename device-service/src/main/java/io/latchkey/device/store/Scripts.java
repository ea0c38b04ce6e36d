package io.latchkey.device.store;

import java.util.List;

/**
 * The Lua scripts behind {@link RedisDeviceAuthorizationStore}. Record fields: cid (client_id), scope, st
 * (p|a|d), exp, req, next (epoch ms), iv (interval s), ip, ua, conf (1 = confidential client), uk (user-code
 * index key), and once approved sub, gid, asc (approved scope), idn (the OpenID Connect sign-in, JSON, or empty).
 */
final class Scripts {

    private Scripts() {
    }

    /**
     * KEYS: user-code index, record, the client's outstanding-codes index (sorted set: record key by expiry ms).
     * ARGV: ttl ms, now ms, most outstanding codes per client, then field/value pairs. Returns 1, 0 (user code
     * taken), -1 (device code collision) or {-2, ms until the oldest outstanding code expires} (client at its cap).
     */
    static final LuaScript CREATE = new LuaScript("""
            local now = tonumber(ARGV[2])
            redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
            if redis.call('ZCARD', KEYS[3]) >= tonumber(ARGV[3]) then
              local oldest = redis.call('ZRANGE', KEYS[3], 0, 0, 'WITHSCORES')
              return {-2, tonumber(oldest[2]) - now}
            end
            if redis.call('EXISTS', KEYS[2]) == 1 then return -1 end
            if not redis.call('SET', KEYS[1], KEYS[2], 'NX', 'PX', ARGV[1]) then return 0 end
            redis.call('HSET', KEYS[2], unpack(ARGV, 4))
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            redis.call('ZADD', KEYS[3], now + tonumber(ARGV[1]), KEYS[2])
            redis.call('PEXPIRE', KEYS[3], ARGV[1])
            return 1
            """);

    /**
     * KEYS: record. ARGV: now ms, client_id, tolerance ms, client authenticated (1|0), mint lease ms.
     * The whole RFC 8628 §3.5 decision in one round trip. An approved record is claimed here, atomically, by exactly
     * one poll (racing polls see authorization_pending while it mints); it is deleted after a successful mint and
     * released after a failed one, so an outage of token-service never loses an approval.
     */
    static final LuaScript POLL = new LuaScript("""
            local r = redis.call('HMGET', KEYS[1], 'cid', 'st', 'exp', 'iv', 'next', 'conf', 'uk', 'sub', 'gid', 'asc', 'lease', 'idn')
            if not r[1] or r[1] ~= ARGV[2] then return {'invalid_grant'} end
            if r[6] == '1' and ARGV[4] ~= '1' then return {'client_auth_required'} end
            local now = tonumber(ARGV[1])
            if now > tonumber(r[3]) then return {'expired_token'} end
            if r[2] == 'd' then return {'access_denied'} end
            if r[2] == 'a' or (r[2] == 'm' and now > tonumber(r[11] or '0')) then
              -- claimed by this poll alone; deleted once the tokens are minted, released if minting fails
              redis.call('HSET', KEYS[1], 'st', 'm', 'lease', string.format('%.0f', now + tonumber(ARGV[5])))
              if r[7] then redis.call('DEL', r[7]) end
              return {'approved', r[8], r[9], r[10], r[12] or ''}
            end
            if r[2] == 'm' then return {'authorization_pending'} end
            local iv = tonumber(r[4])
            if now < tonumber(r[5]) - tonumber(ARGV[3]) then
              iv = iv + 5
              redis.call('HSET', KEYS[1], 'iv', string.format('%d', iv))
              return {'slow_down', string.format('%d', iv)}
            end
            redis.call('HSET', KEYS[1], 'next', string.format('%.0f', now + iv * 1000))
            return {'authorization_pending'}
            """);

    /** KEYS: user-code index. ARGV: now ms. The pending record's fields st, exp, cid, scope, req, iv, ip, ua, conf (in that order) or nil. */
    static final LuaScript LOOKUP = new LuaScript("""
            local rk = redis.call('GET', KEYS[1])
            if not rk then return false end
            local r = redis.call('HMGET', rk, 'st', 'exp', 'cid', 'scope', 'req', 'iv', 'ip', 'ua', 'conf')
            if not r[1] or r[1] ~= 'p' or tonumber(ARGV[1]) > tonumber(r[2]) then return false end
            return r
            """);

    /**
     * KEYS: user-code index. ARGV: now ms, new status (a|d), subject, grant id, approved scope ('' = all requested),
     * the OpenID Connect sign-in as JSON ('' = none).
     * Returns ok, not_found, conflict or invalid_scope.
     */
    static final LuaScript DECIDE = new LuaScript("""
            local rk = redis.call('GET', KEYS[1])
            if not rk then return 'not_found' end
            local r = redis.call('HMGET', rk, 'st', 'exp', 'scope')
            if not r[1] then
              redis.call('DEL', KEYS[1])
              return 'not_found'
            end
            if tonumber(ARGV[1]) > tonumber(r[2]) then return 'not_found' end
            if r[1] ~= 'p' then return 'conflict' end
            if ARGV[2] == 'd' then
              redis.call('HSET', rk, 'st', 'd')
              return 'ok'
            end
            local scope = ARGV[5]
            if scope == '' then scope = r[3] end
            local requested = {}
            for s in string.gmatch(r[3], '%S+') do requested[s] = true end
            for s in string.gmatch(scope, '%S+') do
              if not requested[s] then return 'invalid_scope' end
            end
            redis.call('HSET', rk, 'st', 'a', 'sub', ARGV[3], 'gid', ARGV[4], 'asc', scope, 'idn', ARGV[6])
            return 'ok'
            """);

    /** KEYS: record. Gives a claimed ('m') authorization back to 'a' after a failed mint, so the next poll retries. */
    static final LuaScript RELEASE = new LuaScript("""
            if redis.call('HGET', KEYS[1], 'st') == 'm' then
              redis.call('HSET', KEYS[1], 'st', 'a')
              return 1
            end
            return 0
            """);

    static final List<LuaScript> ALL = List.of(CREATE, POLL, LOOKUP, DECIDE, RELEASE);
}
