package io.latchkey.consent.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.latchkey.consent.login.LoginConfig;

/** The groups of {@link ConsentServiceConfig} that classes inject on their own. */
public class ConsentConfigGroups {

    @Produces
    @Singleton
    LoginConfig login(ConsentServiceConfig config) {
        return config.login();
    }
}
