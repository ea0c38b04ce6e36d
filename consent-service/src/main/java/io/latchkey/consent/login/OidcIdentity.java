package io.latchkey.consent.login;

import io.latchkey.common.oidc.Identity;
import io.latchkey.consent.user.User;

/** The one mapping from a Latchkey user to OpenID Connect claims (OIDC Core §5.1), for ID Tokens and UserInfo. */
public final class OidcIdentity {

    private OidcIdentity() {
    }

    /**
     * The sign-in a browser session stands for. OIDC Core §2: auth_time is when this session signed in (a session
     * is opened only by a sign-in and never extended).
     */
    public static Identity ofSession(Session session, String nonce) {
        return claims(session.createdAt().getEpochSecond(), nonce, session.displayName(), session.username());
    }

    /** A user as UserInfo describes them (OIDC Core §5.3.2); no sign-in time. */
    public static Identity ofUser(User user) {
        return claims(0, null, user.displayName, user.username);
    }

    /** OIDC Core §5.1: the username is the email address; Latchkey does not verify addresses: email_verified false. */
    private static Identity claims(long authTime, String nonce, String displayName, String username) {
        return new Identity(authTime, nonce, displayName, username, username, false);
    }
}
