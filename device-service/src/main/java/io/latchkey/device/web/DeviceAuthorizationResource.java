package io.latchkey.device.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.latchkey.common.trust.CallerAddress;
import io.latchkey.common.Form;
import io.latchkey.common.OAuthParams;
import io.latchkey.device.client.ClientAuthenticator;
import io.latchkey.device.client.ClientCredentials;
import io.latchkey.device.device.DeviceAuthorizationIssuer;
import io.latchkey.device.device.IssuedCodes;
import io.latchkey.device.device.UserCodes;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** {@code POST /oauth/device_authorization} (RFC 8628 §3.1–3.2). */
@Path("/oauth/device_authorization")
@Tag(name = "Device authorization", description = "RFC 8628 device authorization endpoint")
public class DeviceAuthorizationResource {

    private final ClientAuthenticator authenticator;
    private final DeviceAuthorizationIssuer issuer;
    private final String verificationUri;
    private final CallerAddress callerAddress;

    public DeviceAuthorizationResource(ClientAuthenticator authenticator, DeviceAuthorizationIssuer issuer,
            @ConfigProperty(name = "latchkey.issuer") String issuerUrl, CallerAddress callerAddress) {
        this.callerAddress = callerAddress;
        this.authenticator = authenticator;
        this.issuer = issuer;
        this.verificationUri = stripSlash(issuerUrl) + "/device";
    }

    @POST
    // RFC 8628 §3.1: the request is application/x-www-form-urlencoded
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a device authorization",
            description = "Returns device_code, user_code, verification_uri(_complete), expires_in and interval.")
    public Uni<Response> authorize(byte[] body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
            @Context HttpServerRequest request) {
        // RFC 8628 §3.1: the raw bytes, decoded by the one strict form reader
        Form form = Form.body(contentType, body);
        ClientCredentials credentials = ClientAuthentication.from(authorization, form);
        String scope = form.optional(OAuthParams.SCOPE);
        String deviceIp = DeviceInfo.ip(callerAddress.of(request));
        String deviceUserAgent = DeviceInfo.userAgent(userAgent);
        return authenticator.authenticate(credentials)
                .chain(client -> issuer.issue(client, scope, deviceIp, deviceUserAgent))
                .map(this::toResponse);
    }

    private Response toResponse(IssuedCodes codes) {
        String shown = UserCodes.display(codes.userCode());
        return NoStore.ok(new DeviceAuthorizationResponse(
                codes.deviceCode(),
                shown,
                verificationUri,
                // RFC 8628 §3.3.1: the complete URI carries the user code
                verificationUri + "?" + OAuthParams.USER_CODE + "=" + shown,
                codes.expiresIn(),
                codes.interval()));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
