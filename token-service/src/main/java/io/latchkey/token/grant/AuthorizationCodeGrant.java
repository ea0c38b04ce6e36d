package io.latchkey.token.grant;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.common.Form;
import io.latchkey.common.OAuthParams;
import io.latchkey.common.error.OAuthError;
import io.latchkey.token.client.Client;
import io.latchkey.common.crypto.Secrets;
import io.latchkey.token.code.AuthorizationCode;
import io.latchkey.token.code.AuthorizationCodeStore;
import io.latchkey.token.code.CodeReplayRevocation;
import io.latchkey.token.code.IssuedTokens;
import io.latchkey.common.pkce.Pkce;
import io.latchkey.token.code.Redemption;
import io.latchkey.token.web.TokenResponse;
import io.smallrye.mutiny.Uni;

/**
 * RFC 6749 §4.1.3: a client exchanges an authorization code (issued by consent-service through
 * {@code POST /internal/codes}) for tokens. The code is single use; a replay revokes what the first use issued.
 */
@ApplicationScoped
public class AuthorizationCodeGrant implements GrantHandler {

    private static final String INVALID_CODE = "The authorization code is invalid, expired or already used.";

    private final AuthorizationCodeStore codes;
    private final CodeReplayRevocation replays;
    private final TokenMinter minter;

    public AuthorizationCodeGrant(AuthorizationCodeStore codes, CodeReplayRevocation replays, TokenMinter minter) {
        this.codes = codes;
        this.replays = replays;
        this.minter = minter;
    }

    /** Counts and logs each issuance (README, "Metrics" and "Logs"). */
    @jakarta.inject.Inject
    io.latchkey.token.metrics.TokenMetrics metrics;

    @Override
    public String grantType() {
        return OAuthParams.GRANT_AUTHORIZATION_CODE;
    }

    @Override
    public Uni<TokenResponse> handle(Client client, Form form) {
        String code = form.required(OAuthParams.CODE);
        // RFC 6749 §4.1.3: redirect_uri is required when the authorization request had one (Latchkey's always do)
        String redirectUri = form.required(OAuthParams.REDIRECT_URI);
        String verifier = form.optional(OAuthParams.CODE_VERIFIER);
        return codes.redeem(code)
                .chain(redemption -> switch (redemption.status()) {
                    case FRESH -> exchange(client, code, redemption.code(), redirectUri, verifier);
                    // RFC 6749 §4.1.2: a second use fails and revokes the tokens issued on the first
                    case REUSED -> replays.revoke(redemption.first())
                            .replaceWith(Uni.createFrom().failure(OAuthError.INVALID_GRANT.with(INVALID_CODE)));
                    case UNKNOWN -> Uni.createFrom().failure(OAuthError.INVALID_GRANT.with(INVALID_CODE));
                });
    }

    private Uni<TokenResponse> exchange(Client client, String code, AuthorizationCode bound, String redirectUri,
                                        String verifier) {
        check(client, bound, redirectUri, verifier);
        return minter.issueForUser(client, bound.subject(), bound.scope(), bound.grantId(), bound.identity(),
                        bound.session())
                .chain(issued -> {
                    IssuedTokens tokens = tokensOf(issued);
                    return codes.recordIssued(code, tokens)
                            // replayed while we were minting: this redemption's tokens are the ones to revoke
                            .chain(replayed -> replayed
                                    ? replays.revoke(tokens).replaceWith(
                                            Uni.createFrom().failure(OAuthError.INVALID_GRANT.with(INVALID_CODE)))
                                    : Uni.createFrom().item(issued.response()))
                            .invoke(() -> metrics.issued(OAuthParams.GRANT_AUTHORIZATION_CODE, client.clientId(),
                                    bound.subject()));
                });
    }

    /** Every check a redeemed code must pass; a failure leaves the code used up. */
    static void check(Client client, AuthorizationCode bound, String redirectUri, String verifier) {
        // RFC 6749 §4.1.3: the code was issued to the authenticated client
        if (!bound.clientId().equals(client.clientId())) {
            throw OAuthError.INVALID_GRANT.with(INVALID_CODE);
        }
        // RFC 6749 §4.1.3: redirect_uri identical to the one in the authorization request
        if (!bound.redirectUri().equals(redirectUri)) {
            throw OAuthError.INVALID_GRANT.with("redirect_uri does not match the authorization request.");
        }
        // RFC 9700 §2.1.1: public clients MUST use PKCE (enforced at issue; checked again here)
        if (client.isPublic() && !bound.hasChallenge()) {
            throw OAuthError.INVALID_GRANT.with(INVALID_CODE);
        }
        Pkce.verify(bound.codeChallenge(), verifier);
    }

    private static IssuedTokens tokensOf(TokenMinter.Issued issued) {
        String refresh = issued.response().refreshToken();
        return new IssuedTokens(issued.jti(), issued.accessExpiresAt(),
                refresh == null ? null : java.util.HexFormat.of().formatHex(Secrets.sha256(refresh)));
    }
}
