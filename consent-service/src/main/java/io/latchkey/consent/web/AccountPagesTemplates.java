package io.latchkey.consent.web;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

/** The activity and browser-session pages of the account area (src/main/resources/templates). */
@CheckedTemplate
public class AccountPagesTemplates {

    /** One line of the activity log as the page shows it. */
    public record EventView(String what, RawString mark, Times at, String ip, String device, String detail) {
    }

    /** One browser session as the page shows it. */
    public record SessionView(boolean current, String device, String ip, Times signedInAt) {
    }

    public static native TemplateInstance activity(List<EventView> events, String nextHref, boolean first);

    public static native TemplateInstance sessions(String csrf, List<SessionView> sessions, String notice);
}
