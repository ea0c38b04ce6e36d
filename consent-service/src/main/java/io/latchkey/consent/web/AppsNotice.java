package io.latchkey.consent.web;

import java.util.Arrays;

/**
 * What the last action on "Authorized apps" did, carried in the {@code notice} query parameter of the 303 that
 * answers each form post (post/redirect/get: a reload shows the notice again, it never re-posts). Only these
 * fixed codes are read; anything else shows no notice.
 */
public enum AppsNotice {
    APP_REVOKED("app-revoked", "App disconnected", "The app can no longer access your account. Its sessions are signed out everywhere."),
    SESSION_REVOKED("session-revoked", "Session revoked", "That session is signed out: it stops working within a second. The app's other sessions keep working."),
    ALL_REVOKED("all-revoked", "All apps disconnected", "No app can access your account any more."),
    GONE("gone", "Already revoked", "That app or session is no longer connected to your account: there was nothing left to revoke.");

    private final String code;
    private final String title;
    private final String text;

    AppsNotice(String code, String title, String text) {
        this.code = code;
        this.title = title;
        this.text = text;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String text() {
        return text;
    }

    /** The notice for a query value; null for none or an unknown value. */
    static AppsNotice of(String code) {
        return code == null ? null : Arrays.stream(values()).filter(n -> n.code.equals(code)).findFirst().orElse(null);
    }

    /** Where the post answers: the list with this notice. */
    String location() {
        return AuthorizedAppsResource.HERE + "?notice=" + code;
    }
}
