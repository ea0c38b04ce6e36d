package io.latchkey.consent.login;

import io.latchkey.common.oidc.Identity;

/** The OpenID Connect sign-in a browser session stands for, as token-service puts it in an ID Token. */
public final class SessionIdentity {

    private SessionIdentity() {
    }

    /**
     * OIDC Core §2: auth_time is when this session signed in (a session is opened only by a sign-in and never
     * extended). OIDC Core §5.1: the username is the email address; Latchkey does not verify addresses, so it
     * says email_verified false.
     */
    public static Identity of(Session session, String nonce) {
        return new Identity(session.createdAt().getEpochSecond(), nonce, session.displayName(), session.username(),
                session.username(), false);
    }
}
