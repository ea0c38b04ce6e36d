package io.latchkey.consent.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.latchkey.common.contract.SessionSummary;
import io.latchkey.consent.grant.AuthorizedApp;
import io.latchkey.consent.grant.Grant;
import io.latchkey.consent.grant.ScopeCatalogue.ScopeLine;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

/** The account pages (src/main/resources/templates), type-checked at build time. */
@CheckedTemplate
public class AccountTemplates {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

    /** One app as the pages show it: dates in words, only safe URLs, its sessions with readable device names. */
    public record AppView(String grantId, String name, String clientId, String logoUri, String homepageUri,
                          List<ScopeLine> scopes, String authorizedAt, String lastUsedAt, String via,
                          List<SessionView> sessions, boolean sessionsKnown, RawString mark) {

        static AppView of(AuthorizedApp app) {
            String via = via(app);
            return new AppView(app.grantId().toString(), app.client().displayName(), app.client().clientId(),
                    app.client().safeLogoUri(), app.client().safeHomepageUri(), app.scopes(), when(app.authorizedAt()),
                    when(app.lastUsedAt()), via,
                    app.sessions().stream().map(s -> SessionView.of(s, via)).toList(), app.sessionsKnown(),
                    AppMark.html(app.client().clientId(), app.client().displayName(), app.client().logoUri()));
        }

        /**
         * How the app was authorized, in words: a device flow is "on a device"; the authorization code flow is "on
         * the web" for a confidential (server-side) client, but "in an app" for a public one (a native or desktop
         * app signing in through the browser, like the demo's native client) - it does not run on the web.
         */
        static String via(AuthorizedApp app) {
            if (Grant.VIA_DEVICE.equals(app.via())) {
                return "on a device";
            }
            return app.client().isPublic() ? "in an app" : "on the web";
        }
    }

    /** One session (refresh-token family) of an app: where it runs, from which address, since when. */
    public record SessionView(String sessionId, String device, String ip, String createdAt, String lastUsedAt,
                              String via) {

        static SessionView of(SessionSummary s, String via) {
            return new SessionView(s.sessionId().toString(), DeviceNames.of(s.userAgent(), s.deviceName()),
                    s.ip() == null ? "unknown" : s.ip(), when(s.createdAt()), when(s.lastUsedAt()), via);
        }
    }

    /**
     * @param notice what the last action did (post/redirect/get), shown above the list; null for none
     */
    public static native TemplateInstance authorizedApps(String csrf, List<AppView> apps, AppsNotice notice);

    public static native TemplateInstance revokeAllConfirm(String csrf, List<AppView> apps);

    public static native TemplateInstance revokeConfirm(String csrf, AppView app);

    static String when(Instant at) {
        return at == null ? "never" : WHEN.format(at.atOffset(ZoneOffset.UTC));
    }

    static String when(OffsetDateTime at) {
        return at == null ? "never" : WHEN.format(at.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
