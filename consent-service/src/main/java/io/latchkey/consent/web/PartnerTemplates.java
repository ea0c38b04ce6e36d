package io.latchkey.consent.web;

import java.util.List;

import io.latchkey.consent.partner.AppType;
import io.latchkey.consent.partner.PartnerApplication;
import io.latchkey.consent.partner.PartnerForm;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The partner pages (src/main/resources/templates/partners), type-checked at build time. */
@CheckedTemplate(basePath = "partners")
public class PartnerTemplates {

    /** A choice on the form. */
    public record Choice(String value, String label, boolean checked) {
    }

    /** One application as the partner sees it. */
    public record AppRow(String id, String name, String type, String status, String clientId, String rejectReason,
                         boolean confidential, boolean redirects, List<String> redirectUris, String scope,
                         String createdAt, boolean secretWaiting) {

        static AppRow of(PartnerApplication a, boolean secretWaiting) {
            AppType t = a.type();
            return new AppRow(a.id.toString(), a.appName, t.label(), a.status, a.clientId, a.rejectReason,
                    t.confidential(), t.redirects(), a.redirectUriList(), a.scopes, AccountTemplates.when(a.createdAt),
                    secretWaiting);
        }

        public boolean approved() {
            return PartnerApplication.APPROVED.equals(status);
        }

        public boolean rejected() {
            return PartnerApplication.REJECTED.equals(status);
        }

        /** The edit form's fields: the current URIs, then empty ones up to the maximum. */
        public List<String> uriFields() {
            return new PartnerForm(null, null, null, null, null, redirectUris, List.of(), null).uriFields();
        }
    }

    public static native TemplateInstance apply(String csrf, PartnerForm form, List<Choice> types, List<Choice> scopes,
                                                String error);

    public static native TemplateInstance apps(String csrf, List<AppRow> apps, String notice);

    public static native TemplateInstance app(String csrf, AppRow app, String error);

    public static native TemplateInstance secret(AppRow app, String secret);
}
