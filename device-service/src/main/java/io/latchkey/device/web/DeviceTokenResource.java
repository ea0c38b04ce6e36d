package io.latchkey.device.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;

import io.latchkey.common.NoStore;
import io.latchkey.common.Form;
import io.latchkey.common.OAuthParams;
import io.latchkey.common.error.OAuthError;
import io.latchkey.device.device.DeviceTokenGrant;
import io.smallrye.mutiny.Uni;

/** {@code POST /oauth/token} for the device_code grant only (the gateway routes that grant here). */
@Path("/oauth/token")
@Tag(name = "Device token", description = "RFC 8628 device access token requests")
public class DeviceTokenResource {

    private final DeviceTokenGrant grant;

    public DeviceTokenResource(DeviceTokenGrant grant) {
        this.grant = grant;
    }

    @POST
    // RFC 8628 §3.5, exactly one poll gets tokens: a device that hangs up after its poll claimed the approval must not
    // cancel the pipeline between mint and consume (Quarkus REST cancels on disconnect), or the claim would lapse and
    // a later poll would mint a second set of tokens
    @Cancellable(false)
    // RFC 8628 §3.4: the request is application/x-www-form-urlencoded
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    // through the gateway /oauth/token is token-service's operation (the merged /openapi takes it from there)
    @Operation(summary = "Poll for the tokens of a device authorization",
            description = "grant_type=urn:ietf:params:oauth:grant-type:device_code; answers the token response "
                    + "once approved, otherwise authorization_pending, slow_down, access_denied or expired_token.")
    public Uni<Response> token(byte[] body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        // RFC 8628 §3.4: the raw bytes, decoded by the one strict form reader
        Form form = Form.body(contentType, body);
        String grantType = form.required(OAuthParams.GRANT_TYPE);
        if (!OAuthParams.GRANT_DEVICE_CODE.equals(grantType)) {
            // RFC 6749 §5.2: this endpoint serves only the device_code grant
            throw OAuthError.UNSUPPORTED_GRANT_TYPE.with("Only the device_code grant is served here.");
        }
        // RFC 8628 §3.4: device_code is required
        String deviceCode = form.required(OAuthParams.DEVICE_CODE);
        return grant.redeem(deviceCode, ClientAuthentication.from(authorization, form))
                .map(NoStore::ok);
    }
}
