package io.latchkey.token.web;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestHeader;

import io.latchkey.common.ClientCredentials;
import io.latchkey.common.Form;
import io.latchkey.common.OAuthParams;
import io.latchkey.common.error.OAuthError;
import io.latchkey.token.client.ClientAuthenticator;
import io.latchkey.token.grant.GrantHandler;
import io.latchkey.token.metrics.TokenMetrics;
import io.smallrye.mutiny.Uni;

/**
 * RFC 6749 §3.2 token endpoint. Authenticates the client, then dispatches on {@code grant_type} to the
 * {@link GrantHandler} for it. (The device_code grant is routed by the gateway to device-service, which owns
 * the polling state; see docs/internal-api.md.)
 */
@Path("/oauth/token")
public class TokenResource {

    private final ClientAuthenticator authenticator;
    private final TokenMetrics metrics;
    private final Map<String, GrantHandler> grants;

    public TokenResource(ClientAuthenticator authenticator, Instance<GrantHandler> handlers, TokenMetrics metrics) {
        this.authenticator = authenticator;
        this.metrics = metrics;
        this.grants = handlers.stream().collect(Collectors.toMap(GrantHandler::grantType, Function.identity()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> token(@RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                               @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                               byte[] body) {
        String grantType = null;
        try {
            // the raw bytes, decoded by the one strict reader (RFC 6749 §3.2: application/x-www-form-urlencoded, UTF-8)
            Form form = Form.body(contentType, body);
            grantType = form.required(OAuthParams.GRANT_TYPE);
            String grant = grantType;
            GrantHandler handler = grants.get(grantType);
            ClientCredentials credentials = ClientCredentials.parse(authorization,
                    form.optional(OAuthParams.CLIENT_ID), form.optional(OAuthParams.CLIENT_SECRET));
            if (handler == null) {
                throw OAuthError.UNSUPPORTED_GRANT_TYPE.with("Unsupported grant_type.");
            }
            return authenticator.authenticate(credentials)
                    .invoke(client -> {
                        // RFC 6749 §5.2: unauthorized_client when the client may not use this grant type
                        if (!client.allowsGrant(grant)) {
                            throw OAuthError.UNAUTHORIZED_CLIENT.with("This client is not registered for " + grant + ".");
                        }
                    })
                    .chain(client -> handler.handle(client, form))
                    .onFailure().invoke(failure -> metrics.failed(grant, failure))
                    .map(NoStore::ok);
        } catch (RuntimeException e) {
            metrics.failed(grantType, e);
            throw e;
        }
    }
}
