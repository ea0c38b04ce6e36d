package io.latchkey.consent.login;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.latchkey.consent.redis.Counters;
import io.latchkey.consent.redis.RedisKeys;
import io.latchkey.consent.user.UserRepository;
import io.smallrye.mutiny.Uni;

/** Failed sign-ins per username + IP in Redis; too many within the window blocks further tries for a while. */
@ApplicationScoped
public class LoginThrottle {

    private final Counters counters;
    private final RedisKeys keys;
    private final int maxFailures;
    private final Duration window;

    public LoginThrottle(Counters counters, RedisKeys keys,
                         @ConfigProperty(name = "latchkey.login.max-failures", defaultValue = "10") int maxFailures,
                         @ConfigProperty(name = "latchkey.login.failure-window", defaultValue = "15m") Duration window) {
        this.counters = counters;
        this.keys = keys;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    public Uni<Boolean> blocked(String username, String ip) {
        return counters.current(key(username, ip)).map(n -> n >= maxFailures);
    }

    public Uni<Void> failed(String username, String ip) {
        return counters.increment(window, key(username, ip)).replaceWithVoid();
    }

    public Uni<Void> succeeded(String username, String ip) {
        return counters.reset(key(username, ip));
    }

    private String key(String username, String ip) {
        // hashed: neither the email address nor the IP appears in a Redis key
        return keys.key("login-failures", Tokens.sha256Hex(UserRepository.canonical(username) + "|" + ip));
    }
}
