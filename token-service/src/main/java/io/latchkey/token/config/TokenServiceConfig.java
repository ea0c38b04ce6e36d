package io.latchkey.token.config;

import java.time.Duration;
import java.util.List;

import io.latchkey.common.config.AccessTokenSettings;
import io.latchkey.common.config.ClientCacheSettings;
import io.latchkey.common.config.PlatformConfig;
import io.latchkey.common.config.SharedConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Every {@code latchkey.*} key token-service reads, with its default (README.md, "Configuration"); the keys every
 * service shares come from {@link SharedConfig}.
 */
@ConfigMapping(prefix = "latchkey")
public interface TokenServiceConfig extends SharedConfig {

    /** Scopes the platform knows ({@code scopes_supported}); every client is registered for a subset. */
    @WithDefault("openid,profile,email,offline_access,db:read,db:write")
    List<String> scopes();

    /** {@code latchkey.token.*}: access and refresh tokens. */
    TokenSettings token();

    /** {@code latchkey.code.*}: authorization codes. */
    CodeSettings code();

    /** {@code latchkey.keys.*}: the signing keys. */
    KeySettings keys();

    /** {@code latchkey.clients.*}: the OAuth clients. */
    ClientSettings clients();

    /** {@code latchkey.oidc.*}. */
    OidcSettings oidc();

    /** Access-token keys shared with the gateway, and the refresh-token lifetimes. */
    interface TokenSettings extends AccessTokenSettings {

        /** Clock skew allowed on {@code exp} and {@code nbf} by introspection and revocation (same as the gateway's). */
        @WithDefault("PT10S")
        Duration clockLeeway();

        /** A refresh token unused this long expires. */
        @WithDefault("P14D")
        Duration refreshIdleTtl();

        /** A refresh-token family ends this long after it began, however often it is used. */
        @WithDefault("P90D")
        Duration refreshAbsoluteTtl();

        /**
         * After a rotation, how long the same client may present the just-rotated refresh token again and get another
         * successor (RFC 9700 §4.14.2); zero: any reuse revokes the family.
         */
        @WithDefault("PT0S")
        Duration refreshReuseInterval();
    }

    /** {@code latchkey.code.*}. */
    interface CodeSettings {

        /** Authorization-code lifetime (single use, stored only as a SHA-256 in Redis). */
        @WithDefault("60s")
        Duration ttl();
    }

    /** {@code latchkey.keys.*}. */
    interface KeySettings {

        /** {@code ES256} or {@code RS256} for new signing keys. */
        @WithDefault("ES256")
        String algorithm();

        /** 32 bytes, base64: the AES-256-GCM key of the signing keys at rest (env LATCHKEY_KEY_ENCRYPTION_KEY). */
        String encryptionKey();

        /** How often each replica reloads the key set and checks whether rotation is due (read by a schedule). */
        @WithDefault("60s")
        Duration reloadInterval();

        /** A new signing key once the active one is older than this. */
        @WithDefault("P30D")
        Duration rotationInterval();
    }

    /** {@code latchkey.clients.*}. */
    interface ClientSettings extends ClientCacheSettings {

        /** After a secret rotation the previous secret keeps working this long. */
        @WithDefault("PT24H")
        Duration secretRotationOverlap();
    }

    /** {@code latchkey.oidc.*}. */
    interface OidcSettings {

        /** ID Token lifetime ({@code exp} - {@code iat}). */
        @WithDefault("PT10M")
        Duration idTokenTtl();
    }
}
