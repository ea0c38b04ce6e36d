package io.latchkey.device.web;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.latchkey.common.NoStore;
import io.latchkey.common.trust.CallerAddress;
import io.latchkey.common.Form;
import io.latchkey.common.OAuthParams;
import io.latchkey.device.client.RemoteClientAuthenticator;
import io.latchkey.device.client.CallerCredentials;
import io.latchkey.device.config.DeviceServiceConfig;
import io.latchkey.device.device.DeviceAuthorizationIssuer;
import io.latchkey.device.device.IssuedCodes;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** {@code POST /oauth/device_authorization} (RFC 8628 §3.1–3.2). */
@Path("/oauth/device_authorization")
@Tag(name = "Device authorization", description = "RFC 8628 device authorization endpoint")
public class DeviceAuthorizationResource {

    private final RemoteClientAuthenticator authenticator;
    private final DeviceAuthorizationIssuer issuer;
    /** From the end of the user code to the user code in verification_uri_complete. */
    private final String afterUserCode;
    private final CallerAddress callerAddress;

    public DeviceAuthorizationResource(RemoteClientAuthenticator authenticator, DeviceAuthorizationIssuer issuer,
            CallerAddress callerAddress, DeviceServiceConfig config) {
        this.callerAddress = callerAddress;
        this.authenticator = authenticator;
        this.issuer = issuer;
        String verificationUri = stripSlash(config.issuer()) + "/device";
        // the response's constant parts, JSON-escaped once (the codes themselves are base64url / the user-code alphabet)
        String uri = new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(verificationUri));
        this.afterUserCode = "\",\"" + OAuthParams.VERIFICATION_URI + "\":\"" + uri + "\",\""
                + OAuthParams.VERIFICATION_URI_COMPLETE + "\":\"" + uri + "?" + OAuthParams.USER_CODE + "=";
    }

    @POST
    // RFC 8628 §3.1: the request is application/x-www-form-urlencoded
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = io.latchkey.common.openapi.OAuthErrorResponses.OAUTH_TAG)
    @Operation(operationId = "deviceAuthorization", summary = "Start a device authorization (RFC 8628 §3.1)",
            description = "Returns device_code, user_code, verification_uri(_complete), expires_in and interval. "
                    + "Public clients send client_id; confidential clients authenticate with HTTP Basic.")
    @SecurityRequirementsSet(@SecurityRequirement(name = io.latchkey.common.openapi.OAuthComponents.CLIENT_BASIC))
    @SecurityRequirementsSet
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(name = "DeviceAuthorizationRequest", type = SchemaType.OBJECT, properties = {
                    @SchemaProperty(name = "client_id", type = SchemaType.STRING,
                            description = "Required for public clients (RFC 8628 §3.1)"),
                    @SchemaProperty(name = "scope", type = SchemaType.STRING, description = "Space-separated scopes")}),
            examples = @ExampleObject(name = "cli", value = "client_id=latchkey-cli&scope=profile%20db%3Aread")))
    @APIResponse(responseCode = "200", description = "RFC 8628 §3.2", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeviceAuthorizationResponse.class),
            examples = @ExampleObject(name = "issued", value = "{\"device_code\":\"kJ3qZ\",\"user_code\":\"WDJB-MJHT\","
                    + "\"verification_uri\":\"http://localhost:8080/device\",\"verification_uri_complete\":"
                    + "\"http://localhost:8080/device?user_code=WDJB-MJHT\",\"expires_in\":600,\"interval\":5}")))
    public Uni<Response> authorize(byte[] body,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
            @Context HttpServerRequest request) {
        // RFC 8628 §3.1: the raw bytes, decoded by the one strict form reader
        Form form = Form.body(contentType, body);
        CallerCredentials credentials = ClientAuthentication.from(authorization, form);
        String scope = form.optional(OAuthParams.SCOPE);
        String deviceIp = DeviceInfo.ip(callerAddress.of(request));
        String deviceUserAgent = DeviceInfo.userAgent(userAgent);
        return authenticator.authenticate(credentials)
                .chain(client -> issuer.issue(client, scope, deviceIp, deviceUserAgent))
                .map(this::toResponse);
    }

    /** RFC 8628 §3.2, written straight into one string: no object mapping on the hot path. */
    private Response toResponse(IssuedCodes codes) {
        String shown = io.latchkey.common.UserCodes.display(codes.userCode());
        String body = new StringBuilder(320)
                .append("{\"").append(OAuthParams.DEVICE_CODE).append("\":\"").append(codes.deviceCode())
                .append("\",\"").append(OAuthParams.USER_CODE).append("\":\"").append(shown)
                // RFC 8628 §3.3.1: the complete URI carries the user code
                .append(afterUserCode).append(shown)
                .append("\",\"").append(OAuthParams.EXPIRES_IN).append("\":").append(codes.expiresIn())
                .append(",\"").append(OAuthParams.INTERVAL).append("\":").append(codes.interval())
                .append('}').toString();
        // bytes: the body is JSON already, so no message-body writer is looked for or run
        return NoStore.ok(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
