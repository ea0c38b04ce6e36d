package io.latchkey.consent.authorize;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import io.latchkey.common.error.OAuthException;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.OAuthParams;
import io.latchkey.common.oidc.IdentityChecks;

/**
 * OIDC Core §3.1.2.1 {@code prompt}, {@code max_age}, {@code login_hint} and {@code nonce} of an authorization
 * request, parsed and checked. {@code select_account} is treated as {@code login}: Latchkey keeps one account per
 * browser session, so choosing an account means signing in again.
 */
public record Prompt(boolean none, boolean login, boolean consent, Long maxAgeSeconds) {

    static final String NONE = "none";
    static final String LOGIN = "login";
    static final String CONSENT = "consent";
    static final String SELECT_ACCOUNT = "select_account";
    /** A login_hint is an email address here (RFC 5321 §4.5.3.1: at most 320 characters with its domain). */
    static final int MAX_LOGIN_HINT = 320;
    private static final Pattern MAX_AGE = Pattern.compile("[0-9]{1,10}");
    private static final String[] OIDC_PARAMETERS = {OAuthParams.PROMPT, OAuthParams.MAX_AGE, OAuthParams.LOGIN_HINT,
            OAuthParams.NONCE};

    /** The parsed prompt, or an {@link OAuthException} when a value breaks the rules. */
    public sealed interface Parsed permits Valid, Invalid {
    }

    public record Valid(Prompt prompt) implements Parsed {
    }

    public record Invalid(OAuthException error) implements Parsed {
    }

    static Parsed of(AuthorizationRequest r) {
        for (String name : OIDC_PARAMETERS) {
            // RFC 6749 §3.1: parameters MUST NOT be included more than once
            if (r.repeated().contains(name)) {
                return invalid("Parameter '" + name + "' is repeated.");
            }
        }
        Set<String> values = new LinkedHashSet<>();
        if (r.prompt() != null) {
            for (String v : r.prompt().trim().split(" +")) {
                if (!v.equals(NONE) && !v.equals(LOGIN) && !v.equals(CONSENT) && !v.equals(SELECT_ACCOUNT)) {
                    return invalid("Unknown prompt value.");
                }
                values.add(v);
            }
            // OIDC Core §3.1.2.1: none together with any other value is an error
            if (values.contains(NONE) && values.size() > 1) {
                return invalid("prompt=none cannot be combined with other values.");
            }
        }
        Long maxAge = null;
        if (r.maxAge() != null) {
            // OIDC Core §3.1.2.1: max_age is a number of seconds, non-negative
            if (!MAX_AGE.matcher(r.maxAge()).matches()) {
                return invalid("max_age must be a non-negative number of seconds.");
            }
            maxAge = Long.parseLong(r.maxAge());
        }
        if (r.loginHint() != null && r.loginHint().length() > MAX_LOGIN_HINT) {
            return invalid("login_hint is too long.");
        }
        String nonceProblem = IdentityChecks.nonceProblem(r.nonce());
        if (nonceProblem != null) {
            return invalid(nonceProblem);
        }
        return new Valid(new Prompt(values.contains(NONE), values.contains(LOGIN) || values.contains(SELECT_ACCOUNT),
                values.contains(CONSENT), maxAge));
    }

    /**
     * OIDC Core §3.1.2.1: sign in again when asked to ({@code login}), or when the session's sign-in is older than
     * {@code max_age} ({@code max_age=0}: always).
     */
    boolean needsSignIn(Instant signedInAt, Instant now) {
        return login || (maxAgeSeconds != null
                && Duration.between(signedInAt, now).getSeconds() >= maxAgeSeconds);
    }

    /** The prompt value to keep once the user has signed in: {@code consent} if it was asked for, else none. */
    static String afterSignIn(String prompt) {
        return prompt != null && (" " + prompt + " ").contains(" " + CONSENT + " ") ? CONSENT : null;
    }

    private static Invalid invalid(String description) {
        return new Invalid(OAuthError.INVALID_REQUEST.with(description));
    }
}
