package io.latchkey.device.config;

import io.latchkey.common.config.PlatformConfig;
import io.smallrye.config.ConfigMapping;

/**
 * Every {@code latchkey.*} key device-service reads, with its default (README.md, "Configuration"); the keys every
 * service shares come from {@link PlatformConfig} (its {@code issuer} default is the same as the other services').
 */
@ConfigMapping(prefix = "latchkey")
public interface DeviceServiceConfig extends PlatformConfig {

    /** {@code latchkey.device.*}: the device authorization grant. */
    DeviceConfig device();
}
