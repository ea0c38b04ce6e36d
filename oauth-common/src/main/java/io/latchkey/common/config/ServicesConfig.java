package io.latchkey.common.config;

import io.smallrye.config.WithDefault;

/** {@code latchkey.services.*}: base URLs of the services (docs/internal-api.md). */
public interface ServicesConfig {

    /** token-service: clients, keys, codes, refresh tokens. */
    @WithDefault("http://127.0.0.1:8081")
    String tokenUrl();

    /** device-service: device authorizations and the device_code polling state. */
    @WithDefault("http://127.0.0.1:8082")
    String deviceUrl();

    /** consent-service: users, sessions, grants, the browser pages. */
    @WithDefault("http://127.0.0.1:8083")
    String consentUrl();
}
