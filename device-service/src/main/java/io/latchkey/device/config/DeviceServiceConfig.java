package io.latchkey.device.config;

import io.latchkey.common.config.ClientCacheSettings;
import io.latchkey.common.config.SharedConfig;
import io.smallrye.config.ConfigMapping;

/**
 * Every {@code latchkey.*} key device-service reads, with its default (README.md, "Configuration"); the keys every
 * service shares come from {@link SharedConfig} (its {@code issuer} default is the same as the other services').
 */
@ConfigMapping(prefix = "latchkey")
public interface DeviceServiceConfig extends SharedConfig {

    /** {@code latchkey.device.*}: the device authorization grant. */
    DeviceConfig device();

    /** {@code latchkey.clients.*}: the client cache every service shares (oauth-common {@code ClientLookupCache}). */
    ClientCacheSettings clients();
}
