package io.latchkey.consent.web;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.consent.config.ConsentServiceConfig;
import io.latchkey.consent.login.Csrf;
import io.latchkey.consent.login.Sessions;

/** Set-Cookie values: HttpOnly, SameSite=Lax, Path=/, and Secure whenever the issuer is https. */
@ApplicationScoped
public class Cookies {

    private static final Duration CSRF_COOKIE_LIFETIME = Duration.ofHours(2);

    private final boolean secure;

    public Cookies(ConsentServiceConfig config) {
        this.secure = config.issuer().startsWith("https");
    }

    public String session(String id, Duration ttl) {
        return cookie(Sessions.COOKIE, id, ttl.toSeconds());
    }

    public String clearSession() {
        return cookie(Sessions.COOKIE, "", 0);
    }

    public String csrf(String token) {
        return cookie(Csrf.COOKIE, token, CSRF_COOKIE_LIFETIME.toSeconds());
    }

    private String cookie(String name, String value, long maxAgeSeconds) {
        return name + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
                + (secure ? "; Secure" : "");
    }
}
