package io.latchkey.common.config;

import java.util.List;

import io.smallrye.config.WithDefault;

/** {@code latchkey.secrets.*}. */
public interface SecretSettings {

    /**
     * Keys of the secrets checked at start-up: outside dev/test mode and the demo a service refuses to start when one
     * is missing, short, shared or published. token-service adds its key-encryption key, device-service its user-code key.
     */
    @WithDefault("latchkey.internal.secret,latchkey.gateway.identity-secret")
    List<String> required();
}
