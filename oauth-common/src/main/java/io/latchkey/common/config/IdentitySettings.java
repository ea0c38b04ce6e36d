package io.latchkey.common.config;

import java.util.Optional;

/** The part of {@code latchkey.gateway.*} the services behind the gateway read. */
public interface IdentitySettings {

    /**
     * The gateway's proof ({@code X-Latchkey-Identity}, env LATCHKEY_IDENTITY_SECRET) that the identity and
     * client-address headers are its own. Never opens an {@code /internal/} route.
     */
    Optional<String> identitySecret();
}
