package io.latchkey.consent.redis;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.consent.config.ConsentServiceConfig;

/** Every Redis key this service writes starts with {@code latchkey.redis.key-prefix}. */
@ApplicationScoped
public class RedisKeys {

    private final String prefix;

    public RedisKeys(ConsentServiceConfig config) {
        this.prefix = config.redis().keyPrefix();
    }

    public String key(String kind, String id) {
        return prefix + kind + ":" + id;
    }

    /**
     * {@code <prefix>{<tag>}:<kind>:<id>}: keys one script touches together carry the same hash tag, so they sit in
     * one Redis Cluster slot (a script's keys must).
     */
    public String tagged(String tag, String kind, String id) {
        return prefix + "{" + tag + "}:" + kind + ":" + id;
    }
}
