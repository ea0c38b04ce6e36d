package io.latchkey.common.internal;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import io.latchkey.common.config.SharedConfig;

/**
 * Guards every resource marked {@link InternalApi}: the check is bound to the matched resource, not to a spelling of
 * the path, so {@code /%69nternal/...}, {@code /internal;x=1/...} or any other form RESTEasy routes to it still needs
 * the secret. {@link InternalPathGuard} adds the same check, before routing, on anything that looks internal.
 */
@Provider
@InternalApi
@Priority(Priorities.AUTHENTICATION)
public class InternalAuthFilter implements ContainerRequestFilter {

    private final InternalCaller caller;

    public InternalAuthFilter(Instance<SharedConfig> config) {
        this.caller = new InternalCaller(() -> Optional.of(config.get().internal().secret()));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!caller.authenticated(request)) {
            request.abortWith(InternalCaller.refusal());
        }
    }
}
