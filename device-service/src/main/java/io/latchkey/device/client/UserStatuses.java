package io.latchkey.device.client;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

import io.latchkey.device.config.DeviceServiceConfig;

/** Whether the user behind an approval may still get tokens (asked on the rare approved poll only). */
@ApplicationScoped
public class UserStatuses {

    private final ConsentServiceApi consent;
    private final String internalSecret;

    public UserStatuses(@RestClient ConsentServiceApi consent, DeviceServiceConfig config) {
        this.consent = consent;
        this.internalSecret = config.internal().secret();
    }

    public Uni<Boolean> isActive(String userId) {
        return consent.status(internalSecret, userId).map(io.latchkey.common.contract.UserStatus::active);
    }
}
