package io.latchkey.consent.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

/** Builds HTML page and redirect responses. Security headers are added by {@link PageSecurityHeaders}. */
public final class Pages {

    public static final String HTML = "text/html;charset=UTF-8";

    private Pages() {
    }

    public static Response html(int status, TemplateInstance page, String... cookies) {
        Response.ResponseBuilder r = Response.status(status).type(HTML).entity(page.render());
        for (String c : cookies) {
            r.header(HttpHeaders.SET_COOKIE, c);
        }
        return r.build();
    }

    public static Response ok(TemplateInstance page, String... cookies) {
        return html(200, page, cookies);
    }

    public static Response message(int status, String title, String message) {
        return html(status, Templates.message(title, message, "/", "Back to Latchkey"));
    }

    /**
     * RFC 9700 §4.12: 303 See Other, so the browser never re-posts credentials. The Location is written as given
     * (a relative path), not resolved against this service's own address.
     */
    public static Response seeOther(String location, String... cookies) {
        Response.ResponseBuilder r = Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, location);
        for (String c : cookies) {
            r.header(HttpHeaders.SET_COOKIE, c);
        }
        return r.build();
    }

    /** The page with a policy that lets its form lead to {@code source} (see {@link PageSecurityHeaders#withFormTarget}). */
    public static Response withFormTarget(Response page, String source) {
        return source == null ? page
                : Response.fromResponse(page).header("Content-Security-Policy", PageSecurityHeaders.withFormTarget(source)).build();
    }

    public static Response forbidden() {
        return message(403, "Request expired",
                "This form has expired or did not come from Latchkey. Go back, reload the page and try again.");
    }
}
