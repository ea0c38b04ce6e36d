package io.latchkey.consent.web;

import jakarta.ws.rs.core.Response;

import io.latchkey.consent.login.LoginThrottle;

/** The sign-in form's answers when it cannot check a password now: backing off (429) or busy (503). */
final class SignInPages {

    private SignInPages() {
    }

    /** RFC 6585 §4: 429 with Retry-After while the account or the address backs off. */
    static Response tooManyAttempts(LoginThrottle.Admission admission) {
        return Response.fromResponse(Pages.message(429, "Too many attempts",
                        "There have been too many unsuccessful sign-in attempts. Please wait a little and try again."))
                .header("Retry-After", Long.toString(admission.retryAfterSeconds()))
                .build();
    }

    /** RFC 6749 §4.1.2.1 temporarily_unavailable as a page: every password-check slot is taken (RFC 9110 §15.6.4). */
    static Response busy() {
        return Response.fromResponse(Pages.message(503, "Temporarily unavailable",
                        "Many people are signing in right now. Please try again in a moment."))
                .header("Retry-After", "1")
                .build();
    }
}
