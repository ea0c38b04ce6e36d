package io.latchkey.consent.login;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.common.Form;
import io.latchkey.common.error.OAuthException;
import io.latchkey.consent.audit.AuditEvent;
import io.latchkey.consent.audit.AuditLog;
import io.latchkey.consent.audit.Origin;
import io.latchkey.consent.user.User;
import io.latchkey.consent.user.UserRepository;
import io.smallrye.mutiny.Uni;

/**
 * Sign-ins in the user's own activity log: {@code sign_in} for a session opened, {@code sign_in.failed} for a wrong
 * password typed for an account that exists (an unknown address concerns nobody). Never the password.
 */
@ApplicationScoped
public class SignInAudit {

    private static final String AUTHORIZE_PREFIX = "/oauth/authorize?";
    private static final int MAX_CLIENT_ID = 200;

    private final AuditLog audit;
    private final UserRepository users;

    public SignInAudit(AuditLog audit, UserRepository users) {
        this.audit = audit;
        this.users = users;
    }

    public Uni<Void> succeeded(User user, Origin origin, String clientId) {
        return audit.record(AuditEvent.of(AuditEvent.SIGN_IN, user.id, clientId, null, null, origin)).replaceWithVoid();
    }

    public Uni<Void> failed(String username, Origin origin, String clientId) {
        if (username == null || username.isBlank() || username.length() > 320) {
            return Uni.createFrom().voidItem();
        }
        return users.findByUsername(username)
                .flatMap(user -> user == null
                        ? Uni.createFrom().voidItem()
                        : record(user.id, origin, clientId));
    }

    private Uni<Void> record(UUID userId, Origin origin, String clientId) {
        return audit.record(AuditEvent.of(AuditEvent.SIGN_IN_FAILED, userId, clientId, null, null, origin))
                .replaceWithVoid();
    }

    /** The client_id of the authorization request a sign-in returns to, or null. */
    public static String clientOf(String returnTo) {
        if (returnTo == null || !returnTo.startsWith(AUTHORIZE_PREFIX)) {
            return null;
        }
        try {
            String clientId = Form.query(returnTo.substring(AUTHORIZE_PREFIX.length())).optional("client_id");
            return clientId != null && clientId.length() <= MAX_CLIENT_ID ? clientId : null;
        } catch (OAuthException malformed) {
            return null;
        }
    }
}
