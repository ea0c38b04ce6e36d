package io.latchkey.device.client;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

/** Whether the user behind an approval may still get tokens (asked on the rare approved poll only). */
@ApplicationScoped
public class UserStatuses {

    private final ConsentServiceApi consent;
    private final String internalSecret;

    public UserStatuses(@RestClient ConsentServiceApi consent,
            @ConfigProperty(name = "latchkey.internal.secret") String internalSecret) {
        this.consent = consent;
        this.internalSecret = internalSecret;
    }

    public Uni<Boolean> isActive(String userId) {
        return consent.status(internalSecret, userId).map(io.latchkey.common.contract.UserStatus::active);
    }
}
