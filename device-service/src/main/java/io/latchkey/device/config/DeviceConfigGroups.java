package io.latchkey.device.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The groups of {@link DeviceServiceConfig} that classes inject on their own. */
public class DeviceConfigGroups {

    @Produces
    @Singleton
    DeviceConfig device(DeviceServiceConfig config) {
        return config.device();
    }
}
