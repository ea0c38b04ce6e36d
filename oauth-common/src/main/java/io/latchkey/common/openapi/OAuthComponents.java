package io.latchkey.common.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * The OpenAPI components every service's document shares, defined once (each service names this class in
 * {@code mp.openapi.model.reader}), so the gateway's merged {@code /openapi} has one of each: the RFC error body
 * ({@code OAuthError}), the error responses that carry it, and the two security schemes — HTTP Basic for client
 * authentication (RFC 6749 §2.3.1) and bearer access tokens (RFC 6750) for {@code /api/} and {@code /admin/}.
 * Operations refer to them by these names.
 */
public class OAuthComponents implements OASModelReader {

    public static final String ERROR_SCHEMA = "OAuthError";
    public static final String CLIENT_BASIC = "clientBasic";
    public static final String BEARER = "bearer";
    /** Shared responses, referred to as {@code @APIResponse(responseCode = "400", ref = BAD_REQUEST)}. */
    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHORIZED = "InvalidClient";
    public static final String INVALID_TOKEN = "InvalidToken";
    public static final String FORBIDDEN = "InsufficientScope";
    public static final String TOO_LARGE = "PayloadTooLarge";
    public static final String TOO_MANY = "TooManyRequests";
    public static final String UNAVAILABLE = "TemporarilyUnavailable";
    public static final String SERVER_ERROR = "ServerError";

    @Override
    public OpenAPI buildModel() {
        return OASFactory.createOpenAPI()
                .components(OASFactory.createComponents()
                        .addSchema(ERROR_SCHEMA, errorSchema())
                        .addSecurityScheme(CLIENT_BASIC, OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Client authentication (RFC 6749 §2.3.1): client_id and client_secret, "
                                        + "form-urlencoded, as HTTP Basic. Public clients send client_id in the form instead."))
                        .addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                                .description("An access token (RFC 6750, RFC 9068 JWT) from /oauth/token."))
                        .addResponse(BAD_REQUEST, error("A malformed request or an OAuth error (RFC 6749 §5.2): "
                                + "invalid_request, invalid_grant, invalid_scope, unsupported_grant_type, "
                                + "unauthorized_client, and for device-code polls authorization_pending, slow_down, "
                                + "access_denied, expired_token (RFC 8628 §3.5)", "authorization_pending",
                                "The user has not yet approved the request."))
                        .addResponse(UNAUTHORIZED, error("Client authentication failed (RFC 6749 §5.2, invalid_client; "
                                + "with WWW-Authenticate)", "invalid_client", "Client authentication failed."))
                        .addResponse(INVALID_TOKEN, error("No, or an invalid, expired or revoked access token (RFC 6750 "
                                + "§3.1; WWW-Authenticate says which; without a token the body may be empty)", "invalid_token", "The access token is malformed."))
                        .addResponse(FORBIDDEN, error("The access token lacks a scope this route needs (RFC 6750 §3.1)",
                                "insufficient_scope", "The access token lacks the required scope."))
                        .addResponse(TOO_LARGE, error("The body is over the size limit", "invalid_request",
                                "The request body is too large."))
                        .addResponse(TOO_MANY, error("Over a rate limit; retry after Retry-After seconds (RFC 6585 §4)",
                                "too_many_requests", "Too many requests; retry after the time in Retry-After."))
                        .addResponse(UNAVAILABLE, error("PostgreSQL, Redis or a service is unreachable; retry after "
                                + "Retry-After seconds", "temporarily_unavailable",
                                "The service is temporarily unavailable; retry shortly."))
                        .addResponse(SERVER_ERROR, error("An unexpected failure (never a stack trace)", "server_error",
                                "An unexpected error occurred.")));
    }

    private static Schema errorSchema() {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("The RFC 6749 §5.2 error body, on every 4xx and 5xx JSON answer")
                .addRequired("error")
                .addProperty("error", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The RFC error code (RFC 6749 §5.2, RFC 8628 §3.5, RFC 6750 §3.1)")
                        .example("invalid_request"))
                .addProperty("error_description", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Human-readable, for the developer"))
                .addProperty("interval", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("With slow_down: the new polling interval in seconds (RFC 8628 §3.5)"));
    }

    private static APIResponse error(String description, String code, String text) {
        return OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(ERROR_SCHEMA))
                        .example(example(code, text))));
    }

    /** In this order, always: the build's document and the served one must be the same bytes. */
    private static java.util.Map<String, Object> example(String code, String text) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", text);
        return body;
    }
}
