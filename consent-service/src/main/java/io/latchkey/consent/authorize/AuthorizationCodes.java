package io.latchkey.consent.authorize;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.latchkey.common.contract.SessionInfo;
import io.latchkey.common.contract.SessionInfoChecks;
import io.latchkey.common.oidc.Identity;
import io.latchkey.consent.audit.Origin;
import io.smallrye.mutiny.Uni;

/** Asks token-service for a code; a 400 from it (e.g. a reused PKCE challenge) becomes an error for the client. */
@ApplicationScoped
public class AuthorizationCodes {

    /** Either a code or the error to send to the client instead. */
    public record Result(String code, AuthorizeError error) {
    }

    private final TokenCodesApi api;
    private final ObjectMapper json;

    public AuthorizationCodes(@RestClient TokenCodesApi api, ObjectMapper json) {
        this.api = api;
        this.json = json;
    }

    /**
     * {@code who}: the sign-in and nonce for the ID Token of an OpenID Connect request, else null. {@code origin}: the
     * approving browser (User-Agent, client IP), sent as the code's {@code session} (docs/internal-api.md, "Sessions").
     */
    public Uni<Result> issue(AuthorizationRequest r, UUID userId, UUID grantId, Identity who, Origin origin) {
        CodeRequest body = new CodeRequest(r.clientId(), r.redirectUri(), r.codeChallenge(), r.codeChallengeMethod(),
                userId.toString(), grantId.toString(), r.scope(), who, session(origin));
        return api.issue(body)
                .map(response -> new Result(response.code(), null))
                .onFailure(AuthorizationCodes::isRefusal).recoverWithItem(e -> new Result(null, refusal(e)));
    }

    /** Only what the contract accepts: a User-Agent of at most 512 characters, an IP literal (else none). */
    static SessionInfo session(Origin origin) {
        if (origin == null) {
            return null;
        }
        String ua = origin.userAgent();
        String ip = origin.ip();
        return new SessionInfo(ua == null || ua.length() > SessionInfo.MAX_USER_AGENT ? null : ua,
                ip != null && SessionInfoChecks.isIpLiteral(ip) ? ip : null, null);
    }

    private static boolean isRefusal(Throwable e) {
        return e instanceof WebApplicationException w && w.getResponse() != null && w.getResponse().getStatus() == 400;
    }

    private AuthorizeError refusal(Throwable e) {
        try {
            Map<?, ?> body = json.readValue(((WebApplicationException) e).getResponse().readEntity(String.class), Map.class);
            Object error = body.get("error");
            Object description = body.get("error_description");
            if (error instanceof String code && !code.isEmpty()) {
                return new AuthorizeError(code, description instanceof String d ? d : null);
            }
        } catch (Exception ignored) {
            // fall through to a generic refusal
        }
        return AuthorizeError.invalidRequest("The authorization request was refused.");
    }
}
