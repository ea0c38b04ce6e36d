package io.latchkey.common.trace;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.MDC;

/**
 * Puts the gateway's {@code X-Request-Id} into the MDC, so every log line of the request carries it. Quarkus keeps
 * the MDC in the request's Vert.x duplicated context (not a thread-local), so it follows the request onto worker
 * threads and never leaks into the next request. A malformed or repeated id (a caller that skipped the gateway) is
 * not logged; the service then logs without one.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
public class RequestIdFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        java.util.List<String> lines = request.getHeaders().get(RequestIds.HEADER);
        String id = lines == null ? null : RequestIds.inbound(lines);
        if (id != null) {
            MDC.put(RequestIds.MDC_KEY, id);
        } else {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
