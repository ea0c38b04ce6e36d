package io.latchkey.consent.device;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.common.contract.DeviceApproval;
import io.latchkey.common.contract.PendingDeviceAuthorization;
import io.latchkey.consent.audit.AuditEvent;
import io.latchkey.consent.audit.AuditLog;
import io.latchkey.consent.audit.Origin;
import io.latchkey.consent.client.ClientDirectory;
import io.latchkey.common.contract.ClientInfo;
import io.latchkey.consent.grant.Grant;
import io.latchkey.consent.grant.Grants;
import io.latchkey.consent.login.Session;
import io.latchkey.consent.login.Sessions;
import io.latchkey.consent.user.OperatorRole;
import io.latchkey.consent.user.UserRepository;
import io.smallrye.mutiny.Uni;

/** The user's side of the device flow (RFC 8628 §3.3): look a user code up, then approve or deny it. */
@ApplicationScoped
public class DeviceVerification {

    public enum LookupStatus { FOUND, NOT_FOUND, ALREADY_USED, TOO_MANY_ATTEMPTS }

    private static final org.jboss.logging.Logger SECURITY_LOG =
            org.jboss.logging.Logger.getLogger("io.latchkey.security");

    public enum DecisionStatus { APPROVED, DENIED, GONE, NOT_THIS_SESSION, NOT_AN_OPERATOR }

    /** What a lookup found; {@code authorization} and {@code client} only when FOUND. */
    public record Lookup(LookupStatus status, String userCode, PendingDeviceAuthorization authorization, ClientInfo client) {
        static Lookup of(LookupStatus status, String userCode) {
            return new Lookup(status, userCode, null, null);
        }
    }

    private final DeviceAuthorizations devices;
    private final UserCodeAttempts attempts;
    private final ClientDirectory clients;
    private final Sessions sessions;
    private final Grants grants;
    private final UserRepository users;
    private final AuditLog audit;

    public DeviceVerification(DeviceAuthorizations devices, UserCodeAttempts attempts, ClientDirectory clients,
                              Sessions sessions, Grants grants, UserRepository users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
        this.devices = devices;
        this.attempts = attempts;
        this.clients = clients;
        this.sessions = sessions;
        this.grants = grants;
    }

    /** Looks up a normalised user code for this session, counting the attempt against both limits. */
    public Uni<Lookup> lookup(Session session, String ip, String userCode) {
        return attempts.take(session.key(), ip)
                .flatMap(attempt -> attempt.allowed()
                        ? find(session, attempt, userCode)
                        // RFC 8628 §5.1: over the limit, the code is not even looked up
                        : Uni.createFrom().item(Lookup.of(LookupStatus.TOO_MANY_ATTEMPTS, userCode)));
    }

    /** Records the decision for a code this session looked up, then tells device-service. */
    public Uni<Decision> decide(Session session, Origin origin, String userCode, boolean approve) {
        // RFC 8628 §5.5: only the browser session that entered (and saw) the code may decide on it
        if (userCode == null || !userCode.equals(session.deviceUserCode())) {
            return Uni.createFrom().item(new Decision(DecisionStatus.NOT_THIS_SESSION, null));
        }
        return sessions.takeDeviceCode(session, userCode)
                .flatMap(taken -> taken
                        ? decideOnce(session, origin, userCode, approve)
                        : Uni.createFrom().item(new Decision(DecisionStatus.NOT_THIS_SESSION, null)));
    }

    /** What a decision came to, and for which client (null when the code was not this session's or is gone). */
    public record Decision(DecisionStatus status, String clientId) {
    }

    private Uni<Decision> decideOnce(Session session, Origin origin, String userCode, boolean approve) {
        // client and scope come from device-service, never from the form
        return devices.find(userCode)
                .flatMap(found -> found == null || !found.pending()
                        ? Uni.createFrom().item(new Decision(DecisionStatus.GONE, null))
                        : (approve ? approve(session, origin, userCode, found) : deny(session, origin, userCode, found))
                                .map(status -> new Decision(status, found.clientId())));
    }

    /**
     * The code this session looked up last (post/redirect/get: {@code POST /device} remembers it and redirects to
     * {@code GET /device/confirm}, which shows it): no attempt is counted, since only a code this session already
     * found can be read back. Null when the session remembers none.
     */
    public Uni<Lookup> remembered(Session session) {
        String userCode = session.deviceUserCode();
        if (userCode == null) {
            return Uni.createFrom().nullItem();
        }
        return devices.find(userCode)
                .flatMap(found -> found == null
                        ? Uni.createFrom().item(Lookup.of(LookupStatus.NOT_FOUND, userCode))
                        : found.pending()
                                ? clients.find(found.clientId()).map(client -> new Lookup(LookupStatus.FOUND, userCode, found, client))
                                : Uni.createFrom().item(Lookup.of(LookupStatus.ALREADY_USED, userCode)));
    }

    private Uni<Lookup> find(Session session, UserCodeAttempts.Attempt attempt, String userCode) {
        return devices.find(userCode)
                .flatMap(found -> found == null
                        // unknown or expired: the attempt stays counted
                        ? Uni.createFrom().item(Lookup.of(LookupStatus.NOT_FOUND, userCode))
                        : attempts.refund(attempt).flatMap(ignored -> found.pending()
                                ? confirm(session, userCode, found)
                                : Uni.createFrom().item(Lookup.of(LookupStatus.ALREADY_USED, userCode))));
    }

    private Uni<Lookup> confirm(Session session, String userCode, PendingDeviceAuthorization found) {
        return sessions.rememberDeviceCode(session, userCode)
                .flatMap(ignored -> clients.find(found.clientId()))
                .map(client -> new Lookup(LookupStatus.FOUND, userCode, found, client));
    }

    private Uni<DecisionStatus> approve(Session session, Origin origin, String userCode, PendingDeviceAuthorization found) {
        if (!OperatorRole.asksForAdmin(found.scope())) {
            return grantAndApprove(session, origin, userCode, found);
        }
        return users.findActiveById(session.userId())
                .flatMap(user -> OperatorRole.mayBeGranted(user, found.scope())
                        ? grantAndApprove(session, origin, userCode, found)
                        // issue 12: only operators hold admin; the request is denied, so the device's poll gets access_denied
                        : deny(session, origin, userCode, found)
                                .map(denied -> denied == DecisionStatus.DENIED ? DecisionStatus.NOT_AN_OPERATOR : denied));
    }

    private Uni<DecisionStatus> grantAndApprove(Session session, Origin origin, String userCode,
                                                PendingDeviceAuthorization found) {
        return grants.authorize(session.userId(), found.clientId(), found.scope(), Grant.VIA_DEVICE, origin)
                .flatMap(grant -> devices.approve(userCode,
                        new DeviceApproval(session.userId().toString(), grant.id.toString(), found.scope(),
                                // OIDC Core §2 for the device flow: the ID Token tells who approved and when they
                                // signed in (the device flow has no nonce)
                                io.latchkey.common.Scopes.parse(found.scope())
                                        .contains(io.latchkey.common.oidc.UserClaims.OPENID)
                                        ? io.latchkey.consent.login.OidcIdentity.ofSession(session, null) : null))
                        .map(outcome -> outcome == DeviceAuthorizations.Outcome.DONE
                                ? DecisionStatus.APPROVED : DecisionStatus.GONE)
                        .call(status -> status == DecisionStatus.APPROVED
                                ? recordDecision(AuditEvent.DEVICE_APPROVE, session, found, grant.id)
                                : Uni.createFrom().voidItem()))
                .invoke(status -> logDecision(status, session, found));
    }

    private Uni<DecisionStatus> deny(Session session, Origin origin, String userCode, PendingDeviceAuthorization found) {
        return devices.deny(userCode)
                .flatMap(outcome -> outcome == DeviceAuthorizations.Outcome.DONE
                        ? grants.deny(session.userId(), found.clientId(), found.scope(), origin)
                                .call(ignored -> recordDecision(AuditEvent.DEVICE_DENY, session, found, null))
                                .replaceWith(DecisionStatus.DENIED)
                        : Uni.createFrom().item(DecisionStatus.GONE))
                .invoke(status -> logDecision(status, session, found));
    }

    /**
     * The user's activity log: which device (its own IP and User-Agent, as device-service saw them) was approved or
     * denied; the approving browser is on the authorize/deny event next to it.
     */
    private Uni<Void> recordDecision(String kind, Session session, PendingDeviceAuthorization found,
                                     java.util.UUID grantId) {
        return audit.record(AuditEvent.of(kind, session.userId(), found.clientId(), found.scope(), grantId,
                new Origin(found.deviceIp(), found.deviceUserAgent()))).replaceWithVoid();
    }

    /** A security event at INFO (README, "Logs"): who decided which client's device request; never a code. */
    private static void logDecision(DecisionStatus status, Session session, PendingDeviceAuthorization found) {
        if (status == DecisionStatus.APPROVED || status == DecisionStatus.DENIED) {
            SECURITY_LOG.infof("Device %s: user_id=%s client_id=%s scope=%s",
                    status == DecisionStatus.APPROVED ? "approved" : "denied", session.userId(), found.clientId(),
                    found.scope());
        }
    }
}
