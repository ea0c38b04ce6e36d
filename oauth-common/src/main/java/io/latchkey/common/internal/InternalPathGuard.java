package io.latchkey.common.internal;

import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.latchkey.common.config.SharedConfig;
import io.latchkey.common.path.RequestPath;

/**
 * Before routing: any path whose first segment decodes to {@code internal} (any case, trailing dots, double
 * encoding) needs the internal secret, so a service-to-service resource that someone forgot to mark
 * {@link InternalApi} is still closed. Requests that {@code StrictPaths} refuses never get this far.
 */
public class InternalPathGuard {

    private final InternalCaller caller;

    public InternalPathGuard(Instance<SharedConfig> config) {
        this.caller = new InternalCaller(() -> Optional.of(config.get().internal().secret()));
    }

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        if (!RequestPath.isInternal(request.getUriInfo().getRequestUri().getRawPath())
                && !RequestPath.isInternal(request.getUriInfo().getPath())) {
            return null;
        }
        return caller.authenticated(request) ? null : InternalCaller.refusal();
    }
}
