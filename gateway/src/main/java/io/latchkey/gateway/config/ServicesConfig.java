package io.latchkey.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Base URLs of the services behind the gateway (docs/internal-api.md, "Configuration keys shared by all services"). */
@ConfigMapping(prefix = "latchkey.services")
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
