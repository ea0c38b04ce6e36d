package io.latchkey.common.error;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON body that is not JSON, or not of the expected shape (a string where an object belongs, a list for a string):
 * 400 {@code invalid_request} with the RFC error body, like every other malformed request — not the framework's
 * body-less 400. Each type Quarkus maps on its own is named, so this mapper is the one chosen.
 */
public class JsonBodyExceptionMapper {

    @ServerExceptionMapper({JacksonException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class})
    public Response malformedJson(JacksonException e) {
        return OAuthExceptionMapper.toResponse(OAuthError.INVALID_REQUEST.with("The JSON body is malformed."));
    }
}
