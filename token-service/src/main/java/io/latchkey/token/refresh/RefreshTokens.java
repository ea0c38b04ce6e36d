package io.latchkey.token.refresh;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.latchkey.common.contract.SessionInfo;
import io.latchkey.common.oidc.Identity;
import io.latchkey.common.oidc.IdentityJson;
import io.latchkey.common.crypto.Secrets;
import io.latchkey.token.config.TokenServiceConfig;
import io.smallrye.mutiny.Uni;

/** Issues opaque refresh tokens (RFC 6749 §1.5): 256 random bits, only the hash is stored. */
@ApplicationScoped
public class RefreshTokens {

    private final RefreshTokenRepository repository;
    private final ObjectMapper json;
    private final Duration idleTtl;
    private final Duration absoluteTtl;

    public RefreshTokens(RefreshTokenRepository repository, ObjectMapper json, TokenServiceConfig config) {
        this.repository = repository;
        this.json = json;
        this.idleTtl = config.token().refreshIdleTtl();
        this.absoluteTtl = config.token().refreshAbsoluteTtl();
    }

    /** The first token of a family, and the family (the {@code sid} of the access tokens issued with it). */
    public record First(String token, UUID familyId) {
    }

    /**
     * Starts a new family for a grant and returns its first token; invalid_grant when the grant is revoked.
     * {@code who} (null without openid): the sign-in the family keeps for the ID Tokens of its refreshes (OIDC Core §12.2).
     * {@code session} (or null): where the session started, recorded on the family. The family's last_used_at is set
     * in the same statement (the grant's "last used").
     */
    public Uni<First> issueFirst(String grantId, String clientId, String subject, String scope, Identity who,
                                 SessionInfo session) {
        String token = Secrets.random(32);
        UUID familyId = UUID.randomUUID();
        Instant now = Instant.now();
        // RFC 9700 §4.14.2: refresh tokens expire after inactivity and have an absolute lifetime
        return repository.startFamily(Secrets.sha256(token), familyId, grantId, clientId, subject, scope, now,
                        now.plus(idleTtl), now.plus(absoluteTtl),
                        IdentityJson.write(json, who == null ? null : who.withoutNonce()), session)
                .map(written -> {
                    if (!written) {
                        throw io.latchkey.common.error.OAuthError.INVALID_GRANT
                                .with("The user has revoked this authorization.");
                    }
                    return new First(token, familyId);
                });
    }

    /** The sign-in a stored token's family was issued for, or null. */
    public Identity identityOf(StoredRefreshToken stored) {
        return IdentityJson.read(json, stored.identity());
    }
}
