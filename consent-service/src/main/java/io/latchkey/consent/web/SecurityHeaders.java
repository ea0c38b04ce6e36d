package io.latchkey.consent.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Headers on every response of this service (its pages carry sessions and CSRF tokens). */
public class SecurityHeaders {

    /** Images may come from https (client logos); styles are inline; forms post back to us only. */
    static final String CSP = "default-src 'self'; img-src 'self' https:; style-src 'self' 'unsafe-inline'; "
            + "form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

    @ServerResponseFilter
    public void addHeaders(ContainerResponseContext response) {
        MultivaluedMap<String, Object> h = response.getHeaders();
        // RFC 9700 §4.16: no framing of login, consent or device pages (CSP frame-ancestors plus X-Frame-Options)
        h.putSingle("Content-Security-Policy", CSP);
        h.putSingle("X-Frame-Options", "DENY");
        h.putSingle("Cache-Control", "no-store");
        h.putSingle("Pragma", "no-cache");
        h.putSingle("Referrer-Policy", "no-referrer");
        h.putSingle("X-Content-Type-Options", "nosniff");
    }
}
