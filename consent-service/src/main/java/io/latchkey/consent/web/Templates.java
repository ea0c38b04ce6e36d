package io.latchkey.consent.web;

import java.util.List;

import io.latchkey.consent.authorize.AuthorizationRequest;
import io.latchkey.common.contract.ClientInfo;
import io.latchkey.consent.grant.ScopeCatalogue.ScopeLine;
import io.latchkey.consent.login.Session;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The server-rendered pages (src/main/resources/templates), type-checked at build time. */
@CheckedTemplate
public class Templates {

    /** What the confirmation page shows about the device that asked. */
    /**
     * What the confirmation page shows about the device that asked: its readable name ("latchkey CLI on laptop-7
     * (Linux)", from its User-Agent), the raw User-Agent on hover, and when it asked.
     */
    public record DeviceView(String ip, String userAgent, String name, Times requestedAt) {
    }

    public static native TemplateInstance home(Session session);

    public static native TemplateInstance login(String csrf, String returnTo, String username, String error,
                                                ClientInfo client, boolean forDevice);

    public static native TemplateInstance message(String title, String message, String linkHref, String linkText);

    public static native TemplateInstance deviceEntry(String csrf, String prefilled, String error);

    public static native TemplateInstance consent(String csrf, ClientInfo client, List<ScopeLine> scopes,
                                                  AuthorizationRequest request, String username, String returnHost,
                                                  boolean approvedBefore, boolean offline);

    public static native TemplateInstance logoutConfirm(String csrf, io.latchkey.common.contract.ClientInfo client,
                                                        io.latchkey.consent.login.EndSession.Request request);

    /** After a device decision (its redirect): which app was connected or refused. */
    public static native TemplateInstance deviceDone(boolean approved, ClientInfo client);

    public static native TemplateInstance deviceConfirm(String csrf, String userCode, ClientInfo client,
                                                        List<ScopeLine> scopes, DeviceView device, boolean offline,
                                                        boolean asksAdmin);
}
