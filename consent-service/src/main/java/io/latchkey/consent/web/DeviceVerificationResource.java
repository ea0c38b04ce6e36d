package io.latchkey.consent.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.latchkey.common.trust.CallerAddress;
import io.latchkey.common.Form;
import io.latchkey.common.OAuthParams;
import io.latchkey.consent.audit.Origin;
import io.latchkey.common.contract.PendingDeviceAuthorization;
import io.latchkey.consent.device.DeviceVerification;
import io.latchkey.consent.device.DeviceVerification.DecisionStatus;
import io.latchkey.consent.user.OperatorRole;
import io.latchkey.consent.device.DeviceVerification.Lookup;
import io.latchkey.consent.device.DeviceVerification.LookupStatus;
import io.latchkey.common.UserCodes;
import io.latchkey.consent.grant.ScopeCatalogue;
import io.latchkey.consent.login.Csrf;
import io.latchkey.consent.login.Session;
import io.latchkey.consent.login.Sessions;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** RFC 8628 §3.3: the verification URI, where a signed-in user enters or confirms a user code and decides. */
@Path("/device")
public class DeviceVerificationResource {

    static final String INVALID_CODE = "That code is not valid or has expired. Check the code on your device.";
    private static final String DECISION = "decision";
    static final String CONFIRM = "/device/confirm";
    static final String GONE = "That code has expired or was already used.";

    /** The client address: the gateway's X-Latchkey-Client-IP next to its identity proof, else the peer. */
    @Inject
    CallerAddress callerAddress;

    private final Sessions sessions;
    private final DeviceVerification verification;
    private final io.latchkey.consent.client.ClientDirectory clients;

    public DeviceVerificationResource(Sessions sessions, DeviceVerification verification,
                                      io.latchkey.consent.client.ClientDirectory clients) {
        this.sessions = sessions;
        this.verification = verification;
        this.clients = clients;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> entry(@Context HttpServerRequest request, @RestCookie(Sessions.COOKIE) String sessionId) {
        String userCode = Form.query(request.query()).optional(OAuthParams.USER_CODE);
        return sessions.find(sessionId)
                .map(session -> session == null
                        ? toLogin(userCode)
                        // RFC 8628 §3.3.1: a prefilled code is shown for the user to confirm, still sent by POST
                        : Pages.ok(Templates.deviceEntry(session.csrf(), prefill(userCode), null)));
    }

    @POST
    // no @Consumes: Form.body checks the Content-Type, so a wrong one gets an error page, not JSON
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> lookup(byte[] body, @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                @RestCookie(Sessions.COOKIE) String sessionId, @Context HttpServerRequest request) {
        Form form = Form.body(contentType, body);
        String typed = form.optional(OAuthParams.USER_CODE);
        String csrf = form.optional(Csrf.FIELD);
        return sessions.find(sessionId)
                .flatMap(session -> {
                    if (session == null) {
                        return Uni.createFrom().item(toLogin(null));
                    }
                    if (!Csrf.validForSession(session, csrf)) {
                        return Uni.createFrom().item(Pages.forbidden());
                    }
                    // RFC 8628 §6.1: case-insensitive, dashes and whitespace ignored
                    String code = UserCodes.normalize(typed);
                    if (code == null) {
                        return Uni.createFrom().item(Pages.ok(Templates.deviceEntry(session.csrf(), null, INVALID_CODE)));
                    }
                    return verification.lookup(session, callerAddress.of(request), code)
                            // post/redirect/get: a found code is remembered in the session and shown by a GET, so
                            // a reload of the confirmation page never re-posts the code
                            .map(found -> found.status() == LookupStatus.FOUND
                                    ? Pages.seeOther(CONFIRM)
                                    : lookupPage(session, found));
                });
    }

    /** The confirmation page of the code this session found last ({@code POST /device} redirects here). */
    @GET
    @Path("confirm")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> confirm(@RestCookie(Sessions.COOKIE) String sessionId) {
        return sessions.find(sessionId)
                .flatMap(session -> session == null
                        ? Uni.createFrom().item(toLogin(null))
                        : verification.remembered(session)
                                .map(found -> found == null ? Pages.seeOther("/device") : lookupPage(session, found)));
    }

    @POST
    @Path("decision")
    // once the session's code is taken the decision must reach device-service, even if the browser hangs up
    // mid-way (Quarkus REST would cancel the pipeline on disconnect, leaving the device polling until expiry)
    @org.jboss.resteasy.reactive.server.Cancellable(false)
    // no @Consumes: Form.body checks the Content-Type, so a wrong one gets an error page, not JSON
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> decide(byte[] body, @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                @RestCookie(Sessions.COOKIE) String sessionId,
                                @RestHeader("User-Agent") String userAgent, @Context HttpServerRequest request) {
        Form form = Form.body(contentType, body);
        String typed = form.optional(OAuthParams.USER_CODE);
        String decision = form.optional(DECISION);
        String csrf = form.optional(Csrf.FIELD);
        if (!"approve".equals(decision) && !"deny".equals(decision)) {
            return Uni.createFrom().item(Pages.message(400, "Bad request", "Choose Approve or Deny."));
        }
        return sessions.find(sessionId)
                .flatMap(session -> {
                    if (session == null) {
                        return Uni.createFrom().item(toLogin(null));
                    }
                    if (!Csrf.validForSession(session, csrf)) {
                        return Uni.createFrom().item(Pages.forbidden());
                    }
                    Origin origin = new Origin(callerAddress.of(request), userAgent);
                    return verification.decide(session, origin, UserCodes.normalize(typed), "approve".equals(decision))
                            .flatMap(decided -> decided.status() == DecisionStatus.APPROVED
                                    || decided.status() == DecisionStatus.DENIED
                                    // post/redirect/get: the outcome page is a GET, so a reload never re-posts
                                    ? sessions.rememberDeviceDecision(session,
                                                    decided.status() == DecisionStatus.APPROVED, decided.clientId())
                                            .replaceWith(Pages.seeOther("/device/done"))
                                    : Uni.createFrom().item(decisionPage(decided.status())));
                });
    }

    /** The page a decision redirects to: names the app, and (once connected) where to remove it again. */
    @GET
    @Path("done")
    @Produces(MediaType.TEXT_HTML)
    public Uni<Response> done(@RestCookie(Sessions.COOKIE) String sessionId) {
        return sessions.find(sessionId)
                .flatMap(session -> {
                    if (session == null) {
                        return Uni.createFrom().item(toLogin(null));
                    }
                    String decided = session.deviceDecided();
                    if (decided == null || decided.indexOf(':') < 0) {
                        return Uni.createFrom().item(Pages.seeOther("/device"));
                    }
                    boolean approved = decided.startsWith("approved:");
                    String clientId = decided.substring(decided.indexOf(':') + 1);
                    return clients.find(clientId)
                            .onFailure().recoverWithItem(() -> io.latchkey.common.contract.ClientInfo.unknown(clientId))
                            .map(client -> Pages.ok(Templates.deviceDone(approved, client)));
                });
    }

    private Response lookupPage(Session session, Lookup found) {
        return switch (found.status()) {
            case FOUND -> Pages.ok(Templates.deviceConfirm(session.csrf(), UserCodes.display(found.userCode()),
                    found.client(), ScopeCatalogue.describe(found.authorization().scope()),
                    device(found.authorization()),
                    // OIDC Core §11: say so when the device keeps access while the user is away
                    found.client().keepsAccessOffline(
                            io.latchkey.common.Scopes.parse(found.authorization().scope())),
                    OperatorRole.asksForAdmin(found.authorization().scope())));
            case NOT_FOUND -> Pages.ok(Templates.deviceEntry(session.csrf(), null, INVALID_CODE));
            case ALREADY_USED -> Pages.ok(Templates.deviceEntry(session.csrf(), null, GONE));
            // RFC 8628 §5.1: user-code guessing is rate-limited
            case TOO_MANY_ATTEMPTS -> Pages.message(429, "Too many attempts",
                    "Too many codes were tried. Please wait a few minutes before trying again.");
        };
    }

    private static Response decisionPage(DecisionStatus status) {
        return switch (status) {
            // APPROVED and DENIED redirect to /device/done
            case APPROVED, DENIED -> Pages.seeOther("/device/done");
            case GONE -> Pages.message(410, "Code no longer valid", GONE);
            case NOT_THIS_SESSION -> Pages.message(403, "Start again",
                    "This approval was not started in this browser. Enter the code from your device again.");
            case NOT_AN_OPERATOR -> Pages.message(403, "Administrator access refused",
                    "The device asked for administrator access (scope admin), which only Latchkey operators can "
                            + "approve. The request was denied; start again on the device without the admin scope.");
        };
    }

    private static Response toLogin(String userCode) {
        String here = "/device";
        String code = UserCodes.normalize(userCode);
        if (code != null) {
            here += "?" + OAuthParams.USER_CODE + "=" + UserCodes.display(code);
        }
        return Pages.seeOther("/login?return_to=" + URLEncoder.encode(here, StandardCharsets.UTF_8));
    }

    private static String prefill(String userCode) {
        return UserCodes.display(UserCodes.normalize(userCode));
    }

    private static Templates.DeviceView device(PendingDeviceAuthorization a) {
        return new Templates.DeviceView(a.deviceIp(), a.deviceUserAgent(),
                a.deviceUserAgent() == null ? null : DeviceNames.of(a.deviceUserAgent(), null), when(a.requestedAt()));
    }

    private static Times when(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return Times.of(OffsetDateTime.parse(iso));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @ServerExceptionMapper
    public Response failure(Throwable t) {
        return PageFailures.toPage(t);
    }
}
