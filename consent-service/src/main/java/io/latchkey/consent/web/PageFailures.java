package io.latchkey.consent.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.latchkey.common.error.Failures;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;
import io.latchkey.common.error.OAuthExceptionMapper;

/**
 * Failures on HTML routes become friendly pages instead of JSON: PostgreSQL, Redis or an internal service down →
 * 503 (temporarily_unavailable) with Retry-After; anything else → a plain error page without internals.
 */
public final class PageFailures {

    private static final Logger LOG = Logger.getLogger(PageFailures.class);

    private PageFailures() {
    }

    public static Response toPage(Throwable t) {
        if (t instanceof WebApplicationException w && w.getResponse() != null
                && w.getResponse().getStatus() >= 400 && w.getResponse().getStatus() < 500) {
            int status = w.getResponse().getStatus();
            return Pages.message(status, status == 404 ? "Page not found" : "Bad request",
                    status == 404 ? "There is nothing here." : "The request could not be understood.");
        }
        OAuthException mapped = Failures.toOAuth(t);
        OAuthExceptionMapper.logDetail(mapped); // what only the log sees: never on the page
        if (mapped.error() == OAuthError.TEMPORARILY_UNAVAILABLE) {
            LOG.warnf("Backend unavailable: %s", t.toString());
            return Response.fromResponse(Pages.message(503, "Temporarily unavailable",
                            "Latchkey cannot complete this right now. Please try again in a moment."))
                    .header("Retry-After", "1")
                    .build();
        }
        if (mapped.error().status() < 500) {
            return page(mapped);
        }
        LOG.error("Unexpected failure on a page", t);
        return Pages.message(500, "Something went wrong", "Latchkey could not complete this request.");
    }

    /**
     * The HTML rendering of a client's mistake (an {@code OAuthError} value, 4xx): its status and description, never
     * its log-only detail (logged here).
     */
    public static Response page(OAuthException e) {
        OAuthExceptionMapper.logDetail(e);
        return Pages.message(e.error().status(), "Request refused",
                e.description() == null ? "The request was refused." : e.description());
    }
}
