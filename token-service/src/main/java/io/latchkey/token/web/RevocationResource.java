package io.latchkey.token.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestHeader;

import io.latchkey.common.ClientCredentials;
import io.latchkey.common.Form;
import io.latchkey.common.OAuthParams;
import io.latchkey.token.client.ClientAuthenticator;
import io.latchkey.token.revocation.TokenRevocation;
import io.smallrye.mutiny.Uni;

/** RFC 7009 §2 revocation endpoint. */
@Path("/oauth/revoke")
public class RevocationResource {

    private final ClientAuthenticator authenticator;
    private final TokenRevocation revocation;

    public RevocationResource(ClientAuthenticator authenticator, TokenRevocation revocation) {
        this.authenticator = authenticator;
        this.revocation = revocation;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Revoke a refresh token (and its family) or an access token (RFC 7009)")
    public Uni<Response> revoke(@RestHeader(HttpHeaders.AUTHORIZATION) String authorization,
                                @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                byte[] body) {
        // the raw bytes, decoded by the one strict reader (RFC 7009 §2.1: application/x-www-form-urlencoded)
        Form form = Form.body(contentType, body);
        String token = form.required(OAuthParams.TOKEN);
        String hint = form.optional(OAuthParams.TOKEN_TYPE_HINT);
        // RFC 7009 §2.1: the client authenticates as at the token endpoint (public clients send their client_id)
        ClientCredentials credentials = ClientRequests.credentials(authorization, form);
        return authenticator.authenticate(credentials)
                .chain(client -> revocation.revoke(token, hint, client))
                // RFC 7009 §2.2: 200 whether or not the token was valid, known or already revoked
                .map(ignored -> Response.ok().header("Cache-Control", "no-store").build());
    }
}
