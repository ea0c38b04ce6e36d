package io.latchkey.common.error;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.latchkey.common.trace.RequestIds;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one exception mapper every service uses: every failure leaves as an RFC error JSON body with
 * {@code Cache-Control: no-store} and never with a stack trace or a class name.
 */
public class OAuthExceptionMapper {

    private static final Logger LOG = Logger.getLogger(OAuthExceptionMapper.class);

    @ServerExceptionMapper
    public Response oauth(OAuthException e) {
        logDetail(e);
        return toResponse(e);
    }

    /**
     * Logs an error's log-only detail with the request id (INFO for a client's mistake, WARN for a 5xx); the client
     * gets the body of {@link #toResponse}, which never carries it.
     */
    public static void logDetail(OAuthException e) {
        if (e.logDetail() == null) {
            return;
        }
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        Logger.Level level = e.error().status() >= 500 ? Logger.Level.WARN : Logger.Level.INFO;
        LOG.logf(level, "%s answered (request %s): %s", e.error().code(), requestId == null ? "-" : requestId,
                e.logDetail());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e instanceof NotFoundException) {
            return toResponse(OAuthError.NOT_FOUND.with("No such resource."));
        }
        if (e instanceof NotAllowedException) {
            return toResponse(OAuthError.METHOD_NOT_ALLOWED.with("Method not allowed on this resource."));
        }
        if (e instanceof NotSupportedException) {
            // RFC 6749 §3.2 / RFC 8628 §3.1: requests are application/x-www-form-urlencoded
            return toResponse(OAuthError.INVALID_REQUEST.with("Unsupported Content-Type."));
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 400 && status < 500) {
            return toResponse(OAuthError.INVALID_REQUEST.with("The request is malformed."));
        }
        return unexpected(e);
    }

    @ServerExceptionMapper(priority = 6000)
    public Response unexpected(Throwable t) {
        OAuthException mapped = Failures.toOAuth(t);
        if (mapped.error() == OAuthError.TEMPORARILY_UNAVAILABLE) {
            LOG.warnf("Backend unavailable: %s", t.toString());
        } else {
            LOG.error("Unexpected failure", t);
        }
        return toResponse(mapped);
    }

    public static Response toResponse(OAuthException e) {
        Response.ResponseBuilder r = Response.status(e.error().status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                // RFC 6749 §5.1/§5.2: token endpoint responses are not cacheable
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .entity(ErrorBody.of(e));
        String challenge = e.challenge();
        if (challenge == null && e.error() == OAuthError.INVALID_CLIENT) {
            // RFC 6749 §5.2: 401 invalid_client carries WWW-Authenticate
            challenge = "Basic realm=\"latchkey\"";
        }
        if (challenge != null) {
            r.header("WWW-Authenticate", challenge);
        }
        if (e.retryAfterSeconds() > 0) {
            // RFC 6585 §4 / RFC 9110 §10.2.3: how long to wait before the next try
            r.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        } else if (e.error() == OAuthError.TEMPORARILY_UNAVAILABLE) {
            r.header("Retry-After", "1");
        }
        return r.build();
    }
}
