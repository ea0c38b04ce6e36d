package io.latchkey.consent.redis;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Every Redis key this service writes starts with {@code latchkey.redis.key-prefix}. */
@ApplicationScoped
public class RedisKeys {

    private final String prefix;

    public RedisKeys(@ConfigProperty(name = "latchkey.redis.key-prefix", defaultValue = "lk:") String prefix) {
        this.prefix = prefix;
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
