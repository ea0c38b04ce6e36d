package io.latchkey.consent.web;

import java.util.List;

import io.latchkey.consent.audit.AuditEvent;
import io.latchkey.consent.client.ClientRegistrations.Registration;
import io.latchkey.consent.partner.PartnerApplication;
import io.latchkey.consent.user.User;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The operator console (src/main/resources/templates/console), type-checked at build time. */
@CheckedTemplate(basePath = "console")
public class ConsoleTemplates {

    /** One application in the queue. */
    public record ApplicationRow(String id, String name, String type, String description, String homepageUri,
                                 List<String> redirectUris, String scope, String contactEmail, String status,
                                 String clientId, String rejectReason, String createdAt) {
        static ApplicationRow of(PartnerApplication a) {
            return new ApplicationRow(a.id.toString(), a.appName, a.type().label(), a.description, a.homepageUri,
                    a.redirectUriList(), a.scopes, a.contactEmail, a.status, a.clientId, a.rejectReason,
                    AccountTemplates.when(a.createdAt));
        }

        public boolean pending() {
            return PartnerApplication.PENDING.equals(status);
        }
    }

    public record ClientRow(String clientId, String name, String owner, boolean disabled, boolean confidential) {
        static ClientRow of(Registration r) {
            return new ClientRow(r.clientId(), r.clientName(), r.owner(), r.disabled(), r.confidential());
        }
    }

    public record UserRow(String id, String email, String name, boolean operator, boolean disabled, String createdAt) {
        static UserRow of(User u) {
            return new UserRow(u.id.toString(), u.username, u.displayName, u.operator, u.disabled,
                    AccountTemplates.when(u.createdAt));
        }
    }

    public record EventRow(String at, String kind, String actor, String userId, String clientId, String ip,
                           String detail) {
        static EventRow of(AuditEvent e) {
            return new EventRow(AccountTemplates.when(e.at), e.action, e.actor,
                    e.userId == null ? null : e.userId.toString(), e.clientId, e.ip, e.detail);
        }
    }

    public static native TemplateInstance home(String operator, long pending);

    public static native TemplateInstance applications(String csrf, String status, List<ApplicationRow> applications,
                                                       String nextCursor);

    public static native TemplateInstance clients(String csrf, String q, List<ClientRow> clients, String nextCursor);

    public static native TemplateInstance users(String csrf, String q, List<UserRow> users, String nextCursor);

    public static native TemplateInstance audit(String userId, String clientId, String kind, List<EventRow> events,
                                                String nextCursor);
}
