package io.latchkey.consent.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.Response;

import io.latchkey.consent.authorize.Authorization.Consent;
import io.latchkey.consent.authorize.Authorization.ErrorPage;
import io.latchkey.consent.authorize.Authorization.Redirect;
import io.latchkey.consent.authorize.Authorization.SignIn;
import io.latchkey.consent.authorize.Authorization.Step;
import io.latchkey.consent.authorize.FormActionSource;
import io.latchkey.consent.grant.ScopeCatalogue;
import io.latchkey.consent.login.Session;

/** Turns a step of the authorization flow into the page or redirect the browser gets. */
final class AuthorizationPages {

    private AuthorizationPages() {
    }

    static Response of(Step step, Session session) {
        if (step instanceof ErrorPage e) {
            // RFC 9700 §4.1.3: never redirect to an unverified client or redirect URI
            return Pages.message(400, "This request cannot continue", e.message());
        }
        if (step instanceof SignIn s) {
            if (!ReturnTo.fits(s.returnTo())) {
                // the request could not survive sign-in (and its Location could overflow a proxy's header limit)
                return Pages.message(400, "This request cannot continue",
                        "The application sent an authorization request that is too long.");
            }
            // OIDC Core §3.1.2.1: login_hint pre-fills the sign-in form
            return Pages.seeOther("/login?return_to=" + URLEncoder.encode(s.returnTo(), StandardCharsets.UTF_8)
                    + (s.loginHint() == null ? "" : "&login_hint=" + URLEncoder.encode(s.loginHint(), StandardCharsets.UTF_8)));
        }
        if (step instanceof Consent c) {
            return Pages.withFormTarget(
                    Pages.ok(Templates.consent(session.csrf(), c.client(), ScopeCatalogue.describe(c.request().scope()),
                            c.request(), session.username(), host(c.request().redirectUri()),
                            c.approvedBefore(),
                            // OIDC Core §11: say so when the app keeps access while the user is away
                            c.client().keepsAccessOffline(
                                    io.latchkey.common.Scopes.parse(c.request().scope())))),
                    FormActionSource.of(c.request().redirectUri()));
        }
        // RFC 9700 §4.12: 303 See Other back to the client
        return Pages.seeOther(((Redirect) step).location());
    }

    private static String host(String redirectUri) {
        try {
            URI u = URI.create(redirectUri);
            return u.getHost() == null ? u.getScheme() : u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
        } catch (IllegalArgumentException e) {
            return redirectUri;
        }
    }
}
