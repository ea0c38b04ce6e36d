package io.latchkey.consent.audit;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.consent.admin.PageCursor;
import io.latchkey.common.KeysetPage.Slice;
import io.smallrye.mutiny.Uni;

/**
 * The user's own security log (/account/activity): every audit event about their account, newest first, one
 * keyset page at a time. Events of other users never show (the query is on the signed-in user's id only).
 */
@ApplicationScoped
public class Activity {

    private final AuditLog audit;

    public Activity(AuditLog audit) {
        this.audit = audit;
    }

    public Uni<Slice<AuditEvent>> page(UUID userId, PageCursor page) {
        return audit.search(new AuditFilter(userId, null, null, null, null), page)
                .map(found -> page.slice(found, e -> e.at, e -> e.id));
    }

    /** What a line of the log says happened, in words (the app's name filled in by the caller). */
    public static String describe(AuditEvent e, String app) {
        String a = app == null ? "an app" : app;
        return switch (e.action) {
            case AuditEvent.SIGN_IN -> app == null ? "Signed in" : "Signed in to continue to " + app;
            case AuditEvent.SIGN_IN_FAILED -> "Failed sign-in (wrong password)";
            case AuditEvent.AUTHORIZE -> "Gave " + a + " access";
            case AuditEvent.DENY -> "Refused " + a + " access";
            case AuditEvent.DEVICE_APPROVE -> "Connected a device to " + a;
            case AuditEvent.DEVICE_DENY -> "Denied a device's request for " + a;
            case AuditEvent.REVOKE -> "Removed " + a + "'s access";
            case "session.revoke" -> "Disconnected one session of " + a;
            case "revoke_all" -> "Removed the access of every app";
            case AuditEvent.SESSIONS_SIGN_OUT_OTHERS -> "Signed out every other browser";
            case AuditEvent.USER_CREATE -> "Your account was created by an operator";
            case AuditEvent.USER_DISABLE -> "An operator disabled your account";
            case AuditEvent.USER_ENABLE -> "An operator enabled your account";
            default -> e.action;
        };
    }

    /** The kinds that name an app (the client_id column). */
    public static boolean namesApp(AuditEvent e) {
        return e.clientId != null && !List.of(AuditEvent.USER_CREATE, AuditEvent.USER_DISABLE, AuditEvent.USER_ENABLE,
                AuditEvent.SIGN_IN_FAILED).contains(e.action);
    }
}
