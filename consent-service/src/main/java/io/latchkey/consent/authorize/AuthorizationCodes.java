package io.latchkey.consent.authorize;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.latchkey.common.contract.CodeIssueRequest;
import io.latchkey.common.contract.SessionInfo;
import io.latchkey.common.contract.SessionInfoChecks;
import io.latchkey.common.error.OAuthException;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.oidc.Identity;
import io.latchkey.consent.audit.Origin;
import io.smallrye.mutiny.Uni;

/** Asks token-service for a code; a 400 from it (e.g. a reused PKCE challenge) becomes an error for the client. */
@ApplicationScoped
public class AuthorizationCodes {

    /** Either a code or the error to send to the client instead. */
    public record Result(String code, OAuthException error) {
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
        CodeIssueRequest body = new CodeIssueRequest(r.clientId(), r.redirectUri(), r.codeChallenge(), r.codeChallengeMethod(),
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

    /** token-service's 400 as the error for the client: its code and description, whatever else it says is logged. */
    private OAuthException refusal(Throwable e) {
        String body = null;
        try {
            body = ((WebApplicationException) e).getResponse().readEntity(String.class);
            Map<?, ?> answer = json.readValue(body, Map.class);
            OAuthError error = answer.get("error") instanceof String code ? OAuthError.fromCode(code) : null;
            if (error != null) {
                Object description = answer.get("error_description");
                return error.with(description instanceof String d ? d : null)
                        .withLogDetail("token-service refused the code request: " + error.code());
            }
        } catch (Exception ignored) {
            // fall through to a generic refusal
        }
        return OAuthError.INVALID_REQUEST.with("The authorization request was refused.")
                .withLogDetail("token-service refused the code request with an unreadable answer: "
                        + (body == null ? "none" : body.length() > 200 ? body.substring(0, 200) + "…" : body));
    }
}
