package io.latchkey.device.client;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;

/** Turns token-service error answers into the RFC errors this service sends on. */
final class TokenServiceErrors {

    private static final Logger LOG = Logger.getLogger(TokenServiceErrors.class);

    private TokenServiceErrors() {
    }

    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status == 401) {
            return OAuthError.INVALID_CLIENT.with("Client authentication failed.");
        }
        if (status >= 500) {
            LOG.warnf("token-service answered %d", status);
            return OAuthError.TEMPORARILY_UNAVAILABLE.with("A backing service is unavailable; retry shortly.");
        }
        OAuthError error = errorOf(response);
        if (error != null && status == 400) {
            return error.with(describe(error));
        }
        LOG.errorf("Unexpected answer %d from token-service", status);
        return OAuthError.SERVER_ERROR.with("The server could not complete the request.");
    }

    private static OAuthError errorOf(Response response) {
        try {
            Object code = response.readEntity(Map.class).get("error");
            return code instanceof String wire ? OAuthError.fromCode(wire) : null;
        } catch (RuntimeException e) {
            LOG.debugf("Unreadable error body from token-service: %s", e.toString());
        }
        return null;
    }

    private static String describe(OAuthError error) {
        return switch (error) {
            case INVALID_CLIENT -> "The client is unknown.";
            case UNAUTHORIZED_CLIENT -> "The client is not allowed to use this grant type.";
            case INVALID_SCOPE -> "The requested scope is invalid.";
            default -> "The token could not be issued.";
        };
    }
}
