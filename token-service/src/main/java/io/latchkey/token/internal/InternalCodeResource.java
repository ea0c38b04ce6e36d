package io.latchkey.token.internal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.latchkey.common.internal.InternalApi;
import io.latchkey.common.OAuthParams;
import io.latchkey.common.Scopes;
import io.latchkey.common.contract.CodeIssueRequest;
import io.latchkey.common.contract.IssuedAuthorizationCode;
import io.latchkey.common.contract.SessionInfoChecks;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.oidc.IdentityChecks;
import io.latchkey.token.client.Client;
import io.latchkey.token.client.ClientCache;
import io.latchkey.token.code.AuthorizationCode;
import io.latchkey.token.code.AuthorizationCodeStore;
import io.latchkey.common.pkce.Pkce;
import io.smallrye.mutiny.Uni;

/**
 * Issues an authorization code for a request consent-service has validated and the user has allowed
 * (docs/internal-api.md). The registration checks run again here: token-service owns clients and codes.
 */
@InternalApi
@Path("/internal/codes")
public class InternalCodeResource {

    private final ClientCache clients;
    private final AuthorizationCodeStore codes;

    public InternalCodeResource(ClientCache clients, AuthorizationCodeStore codes) {
        this.clients = clients;
        this.codes = codes;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a single-use authorization code bound to client, redirect URI, PKCE challenge, user, grant and scope")
    public Uni<IssuedAuthorizationCode> issue(CodeIssueRequest r) {
        if (r == null || blank(r.clientId()) || blank(r.redirectUri()) || blank(r.subject()) || blank(r.grantId())) {
            throw OAuthError.INVALID_REQUEST.with("client_id, redirect_uri, subject and grant_id are required.");
        }
        return clients.find(r.clientId())
                .map(client -> bind(client, r))
                .chain(codes::issue)
                .map(issued -> {
                    // RFC 9700 §2.1.1: reasonable effort to detect clients that always send the same challenge
                    if (issued.code() == null) {
                        throw OAuthError.INVALID_REQUEST.with("This code_challenge was used before; use a fresh one per request.");
                    }
                    return new IssuedAuthorizationCode(issued.code());
                });
    }

    private static AuthorizationCode bind(Client client, CodeIssueRequest r) {
        if (client == null || client.disabled()) {
            throw OAuthError.INVALID_CLIENT.with("Unknown client.");
        }
        if (!client.allowsGrant(OAuthParams.GRANT_AUTHORIZATION_CODE)) {
            throw OAuthError.UNAUTHORIZED_CLIENT.with("This client is not registered for authorization_code.");
        }
        // RFC 9700 §4.1.3: exact match with a registered redirect URI
        if (!client.registersRedirectUri(r.redirectUri())) {
            throw OAuthError.INVALID_REQUEST.with("redirect_uri is not registered for this client.");
        }
        // RFC 6749 §3.3: within the client's registration (consent-service applied the default already)
        String scope = Scopes.format(Scopes.within(r.scope(), client.scopes()));
        Pkce.checkChallenge(r.codeChallenge(), r.codeChallengeMethod(), client.isPublic());
        return new AuthorizationCode(client.clientId(), r.redirectUri(), blank(r.codeChallenge()) ? null : r.codeChallenge(),
                r.subject(), r.grantId(), scope, IdentityChecks.checked(r.identity()),
                SessionInfoChecks.checked(r.session()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
