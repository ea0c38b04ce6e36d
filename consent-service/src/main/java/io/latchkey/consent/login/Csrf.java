package io.latchkey.consent.login;

import io.latchkey.common.crypto.Secrets;

/**
 * CSRF protection for every state-changing form. Before sign-in: a double-submit token (a random cookie
 * {@value #COOKIE} echoed in the form field {@value #FIELD}). After sign-in: the token stored in the session.
 */
public final class Csrf {

    public static final String COOKIE = "lk_csrf";
    public static final String FIELD = "csrf";

    private Csrf() {
    }

    /** A cookie token to reuse if it is well formed, else a new one. */
    public static String preSessionToken(String cookie) {
        return Secrets.isRandom256(cookie) ? cookie : Secrets.random256();
    }

    public static boolean validPreSession(String cookie, String field) {
        return Secrets.isRandom256(cookie) && Secrets.same(cookie, field);
    }

    public static boolean validForSession(Session session, String field) {
        return session != null && Secrets.same(session.csrf(), field);
    }
}
