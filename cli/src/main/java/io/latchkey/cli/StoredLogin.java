package io.latchkey.cli;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stored login for one issuer: hands out an access token that is valid for a while yet, refreshing it first when
 * needed. Refreshes are serialised across processes with the store's file lock, and the stored credentials are read
 * again after the lock is taken: a concurrent {@code latchkey token} that refreshed first is used as it is, so no two
 * processes ever present the same refresh token (which the server would treat as reuse, RFC 9700 §4.14.2).
 */
final class StoredLogin {

    /** An access token with less left than this is refreshed first. */
    static final Duration MIN_VALID = Duration.ofSeconds(30);

    private final CredentialStore store;
    private final AuthServer server;
    private final String issuer;

    StoredLogin(CredentialStore store, AuthServer server, String issuer) {
        this.store = store;
        this.server = server;
        this.issuer = issuer;
    }

    Credentials stored() {
        return store.load(issuer).orElseThrow(() -> CliFailure.notLoggedIn(issuer));
    }

    /** Credentials whose access token is valid for {@link #MIN_VALID} more, refreshed (under the lock) if needed. */
    Credentials valid() {
        Credentials now = stored();
        if (now.validFor(MIN_VALID, Instant.now())) {
            return now;
        }
        return store.locked(issuer, () -> {
            // read again under the lock: another process may have refreshed while we waited for it
            Credentials current = stored();
            if (current.validFor(MIN_VALID, Instant.now())) {
                return current;
            }
            Credentials refreshed = refresh(current);
            store.save(refreshed);
            return refreshed;
        });
    }

    private Credentials refresh(Credentials c) {
        if (c.refreshToken() == null) {
            throw new CliFailure(Exit.NOT_LOGGED_IN, "The access token expired and there is no refresh token. Run: latchkey login --issuer " + issuer);
        }
        Map<String, String> form = new LinkedHashMap<>();
        // RFC 6749 §6: grant_type=refresh_token with the token; a public client identifies itself with client_id
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", c.refreshToken());
        form.put("client_id", c.clientId());
        AuthServer.Answer a = AuthServer.unavailableOnIoError(() -> server.postForm(c.tokenEndpoint(), form));
        if (a.ok() && a.json() != null) {
            return c.with(TokenAnswer.parse(a.json()), Instant.now());
        }
        if (a.status() == 400 && "invalid_grant".equals(a.error())) {
            // RFC 6749 §5.2: the refresh token is no longer valid (revoked, expired, or the family was revoked)
            store.delete(issuer);
            throw new CliFailure(Exit.NOT_LOGGED_IN, "The session has ended (" + a.describe() + "). Run: latchkey login --issuer " + issuer);
        }
        throw AuthServer.failureOf(a, "Refreshing the access token failed");
    }

    /** An answer to a bearer call, and the credentials it was made with. */
    record Called(Credentials credentials, AuthServer.Answer answer) {
    }

    /**
     * A request with a valid access token (refreshed first if needed) in the Authorization header (RFC 6750 §2.1),
     * unless the caller set that header itself.
     */
    Called call(ApiCommand.Request r) {
        Credentials c = valid();
        Map<String, String> h = new LinkedHashMap<>(r.headers());
        if (h.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Authorization"))) {
            h.put("Authorization", "Bearer " + c.accessToken());
        }
        return new Called(c, AuthServer.unavailableOnIoError(() -> server.request(r.method(), r.url(), h, r.body())));
    }

    /** RFC 7009 §2.1: revokes the refresh token (its family and access tokens with it). */
    void revoke(Credentials c) throws IOException {
        String endpoint = c.revocationEndpoint();
        if (endpoint == null) {
            throw new CliFailure(Exit.ERROR, "The server publishes no revocation_endpoint; credentials kept.");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", c.refreshToken() != null ? c.refreshToken() : c.accessToken());
        form.put("token_type_hint", c.refreshToken() != null ? "refresh_token" : "access_token");
        form.put("client_id", c.clientId());
        AuthServer.Answer a = server.postForm(endpoint, form);
        // RFC 7009 §2.2: 200 whether or not the token was valid
        if (!a.ok()) {
            throw AuthServer.failureOf(a, "Revocation failed; credentials kept, try again");
        }
    }
}
