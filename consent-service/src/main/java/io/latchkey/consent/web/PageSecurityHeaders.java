package io.latchkey.consent.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Headers on every response of this service (its pages carry sessions and CSRF tokens); a page may add one form-action source. */
public class PageSecurityHeaders {

    /** Images may come from https (client logos); styles are inline; forms post back to us only. */
    static final String CSP = "default-src 'self'; img-src 'self' https:; style-src 'self' 'unsafe-inline'; "
            + "form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

    /**
     * The policy for a page whose form leads, through 303 redirects, to a client's redirect URI: browsers check every
     * hop of a form submission against {@code form-action}, so that one origin is allowed besides our own.
     */
    static String withFormTarget(String source) {
        return source == null ? CSP : CSP.replace("form-action 'self'", "form-action 'self' " + source);
    }

    @ServerResponseFilter
    public void addHeaders(ContainerResponseContext response) {
        MultivaluedMap<String, Object> h = response.getHeaders();
        // RFC 9700 §4.16: no framing of login, consent or device pages (CSP frame-ancestors plus X-Frame-Options)
        if (!h.containsKey("Content-Security-Policy")) {
            h.putSingle("Content-Security-Policy", CSP);
        }
        h.putSingle("X-Frame-Options", "DENY");
        h.putSingle("Cache-Control", "no-store");
        h.putSingle("Pragma", "no-cache");
        h.putSingle("Referrer-Policy", "no-referrer");
        h.putSingle("X-Content-Type-Options", "nosniff");
    }
}
