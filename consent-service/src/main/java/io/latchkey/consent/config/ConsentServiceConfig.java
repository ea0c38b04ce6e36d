package io.latchkey.consent.config;

import java.time.Duration;
import java.util.List;

import io.latchkey.common.config.ClientCacheSettings;
import io.latchkey.common.config.SharedConfig;
import io.latchkey.consent.login.LoginConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Every {@code latchkey.*} key consent-service reads, with its default (README.md, "Configuration"); the keys every
 * service shares come from {@link SharedConfig}.
 */
@ConfigMapping(prefix = "latchkey")
public interface ConsentServiceConfig extends SharedConfig {

    /** {@code latchkey.clients.*}: the cache of OAuth clients read from token-service. */
    ClientCacheSettings clients();

    /** {@code latchkey.session.*}. */
    SessionSettings session();

    /** {@code latchkey.login.*}: sign-in back-off and concurrent password checks. */
    LoginConfig login();

    /** {@code latchkey.password.*}. */
    PasswordSettings password();

    /** {@code latchkey.device.*}: the user-code page's guessing limits. */
    UserCodeGuessSettings device();

    /** {@code latchkey.partners.*}: the partner programme. */
    PartnerSettings partners();

    /** {@code latchkey.session.*}. */
    interface SessionSettings {

        /** Browser-session lifetime. */
        @WithDefault("8h")
        Duration ttl();
    }

    /** {@code latchkey.password.*}. */
    interface PasswordSettings {

        /** {@code latchkey.password.argon2.*}: the cost of new password hashes (existing ones keep theirs). */
        Argon2Settings argon2();
    }

    /**
     * Argon2id cost parameters. The default is the least-memory one of the configurations the OWASP Password Storage
     * Cheat Sheet lists as giving an equal level of defense (7 MiB, 5 passes; beside 19 MiB, 2 passes): the same
     * CPU time per check as 19 MiB with 2 passes, in 37 % of the memory, so more checks fit the heap at once and a
     * sign-in leaves the heap smaller.
     */
    interface Argon2Settings {

        /** Memory per hash, in KiB. */
        @WithDefault("7168")
        int memoryKib();

        /** Passes over the memory. */
        @WithDefault("5")
        int iterations();

        /** Lanes. */
        @WithDefault("1")
        int parallelism();
    }

    /** User-code guessing limits (RFC 8628 §5.1). */
    interface UserCodeGuessSettings {

        /** Wrong user codes one browser session may enter per window. */
        @WithDefault("5")
        int userCodeAttemptsPerSession();

        /** Wrong user codes one IP may enter per window. */
        @WithDefault("30")
        int userCodeAttemptsPerIp();

        /** The window both limits count in. */
        @WithDefault("15m")
        Duration userCodeAttemptsWindow();
    }

    /** {@code latchkey.partners.*}. */
    interface PartnerSettings {

        /** Scopes a partner may ask for on /partners/apply (never admin; each known to token-service). */
        @WithDefault("profile,db:read,db:write")
        List<String> scopes();

        /** How long an approved (or rotated) client secret waits in Redis for the partner to read it once. */
        @WithDefault("PT15M")
        Duration secretRevealTtl();
    }
}
