package io.latchkey.consent.login;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.latchkey.common.OAuthParams;
import io.latchkey.consent.client.ClientDirectory;
import io.latchkey.common.contract.ClientInfo;
import io.latchkey.consent.client.TokenHintsApi;
import io.smallrye.mutiny.Uni;

/**
 * OpenID Connect RP-Initiated Logout 1.0: what a logout request leads to. The browser session is ended without a
 * question only when a valid {@code id_token_hint} names the signed-in user (§2); otherwise the user confirms, so a
 * third party cannot sign the user out silently. The browser goes back only to a registered post-logout URI (§3).
 */
@ApplicationScoped
public class EndSession {

    /** The request as sent ({@code null} for absent values). */
    public record Request(String idTokenHint, String clientId, String postLogoutRedirectUri, String state) {
    }

    /** What the browser gets. */
    public sealed interface Outcome permits Invalid, Confirm, SignedOut {
    }

    /** The request cannot be honoured (unregistered URI, mismatched client): an error page, never a redirect. */
    public record Invalid(String message) implements Outcome {
    }

    /** Ask the signed-in user; {@code client} is null when the request names none. */
    public record Confirm(Request request, ClientInfo client) implements Outcome {
    }

    /** The session is ended (or there was none); go to {@code location}, or show a page when null. */
    public record SignedOut(String location) implements Outcome {
    }

    private final TokenHintsApi hints;
    private final ClientDirectory clients;
    private final Sessions sessions;

    public EndSession(@RestClient TokenHintsApi hints, ClientDirectory clients, Sessions sessions) {
        this.hints = hints;
        this.clients = clients;
        this.sessions = sessions;
    }

    /** A logout request ({@code GET} or {@code POST /oauth/logout}); {@code session} may be null. */
    public Uni<Outcome> request(Request r, Session session, String sessionId) {
        return hint(r.idTokenHint()).flatMap(hint -> {
            // RP-Initiated Logout §2: client_id, when sent with a hint, must be the hint's audience
            if (hint != null && r.clientId() != null && !r.clientId().equals(hint.clientId())) {
                return Uni.createFrom().item(new Invalid("The logout request names two different applications."));
            }
            String clientId = hint != null ? hint.clientId() : r.clientId();
            return client(clientId, r).flatMap(checked -> {
                if (checked.problem() != null) {
                    return Uni.createFrom().item(new Invalid(checked.problem()));
                }
                ClientInfo client = checked.client();
                // §2: without a session there is nothing to end; a valid hint for this user needs no question
                boolean silent = session == null
                        || (hint != null && hint.subject().equals(session.userId().toString()));
                if (!silent) {
                    return Uni.createFrom().item(new Confirm(r, client));
                }
                return end(session, sessionId).replaceWith(new SignedOut(location(r, client)));
            });
        });
    }

    /** The user's confirmation ({@code POST /oauth/logout/confirm}): the same checks, then the session ends. */
    public Uni<Outcome> confirmed(Request r, Session session, String sessionId) {
        return client(r.clientId(), r).flatMap(checked -> checked.problem() != null
                ? Uni.createFrom().item((Outcome) new Invalid(checked.problem()))
                : end(session, sessionId).replaceWith(new SignedOut(location(r, checked.client()))));
    }

    /** The named client (null when none is) and the problem with the request, if any. */
    private record Checked(ClientInfo client, String problem) {
    }

    /** The client once the post-logout URI is checked against it. */
    private Uni<Checked> client(String clientId, Request r) {
        if (clientId == null) {
            // §3: a post_logout_redirect_uri needs a client to be registered for
            return Uni.createFrom().item(new Checked(null, r.postLogoutRedirectUri() == null ? null
                    : "The logout request does not say which application it comes from."));
        }
        return clients.find(clientId).map(client -> {
            if (client.clientType() == null) {
                return new Checked(null, "The application that sent you here is not registered with Latchkey.");
            }
            // RP-Initiated Logout §3: only a registered URI, compared exactly
            if (r.postLogoutRedirectUri() != null && !client.registeredPostLogout(r.postLogoutRedirectUri())) {
                return new Checked(null, "The application asked to send you to an address it has not registered, "
                        + "so Latchkey will not send you there.");
            }
            return new Checked(client, null);
        });
    }

    /** The registered URI with state (§3), or null for Latchkey's own signed-out page. */
    private static String location(Request r, ClientInfo client) {
        if (client == null || r.postLogoutRedirectUri() == null) {
            return null;
        }
        String uri = r.postLogoutRedirectUri();
        return r.state() == null ? uri : uri + (uri.indexOf('?') < 0 ? '?' : '&') + OAuthParams.STATE + "="
                + URLEncoder.encode(r.state(), StandardCharsets.UTF_8);
    }

    private Uni<Void> end(Session session, String sessionId) {
        return session == null ? Uni.createFrom().voidItem() : sessions.close(sessionId);
    }

    /** The hint's subject and client, or null when absent or not one of our ID Tokens (then the user is asked). */
    private Uni<io.latchkey.common.contract.IdTokenHintSubject> hint(String idTokenHint) {
        if (idTokenHint == null) {
            return Uni.createFrom().nullItem();
        }
        return hints.check(new io.latchkey.common.contract.IdTokenHintCheck(idTokenHint))
                .onFailure(e -> e instanceof WebApplicationException w && w.getResponse() != null
                        && w.getResponse().getStatus() == 400).recoverWithNull();
    }
}
