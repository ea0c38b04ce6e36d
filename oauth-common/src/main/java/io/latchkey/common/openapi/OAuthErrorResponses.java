package io.latchkey.common.openapi;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The error answers every form-encoded OAuth endpoint can give (token, revocation, introspection, device
 * authorization), added in one place to each operation tagged {@value #OAUTH_TAG} that reads a form: the RFC error
 * body on 400 (RFC 6749 §5.2), 401 invalid_client, 413, 429 (RFC 6585 §4), 500 and 503 (each service names this class
 * in {@code mp.openapi.filter}). An operation that documents one of these codes itself keeps its own; a bare
 * description smallrye adds by itself (its default "400 Bad Request") is replaced.
 */
public class OAuthErrorResponses implements OASFilter {

    public static final String OAUTH_TAG = "OAuth";
    static final String FORM = "application/x-www-form-urlencoded";
    static final Map<String, String> FORM_ERRORS = new LinkedHashMap<>();

    static {
        FORM_ERRORS.put("400", OAuthComponents.BAD_REQUEST);
        FORM_ERRORS.put("401", OAuthComponents.UNAUTHORIZED);
        FORM_ERRORS.put("413", OAuthComponents.TOO_LARGE);
        FORM_ERRORS.put("429", OAuthComponents.TOO_MANY);
        FORM_ERRORS.put("500", OAuthComponents.SERVER_ERROR);
        FORM_ERRORS.put("503", OAuthComponents.UNAVAILABLE);
    }

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getTags() == null || !operation.getTags().contains(OAUTH_TAG) || !readsForm(operation)) {
            return operation;
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (Map.Entry<String, String> error : FORM_ERRORS.entrySet()) {
            org.eclipse.microprofile.openapi.models.responses.APIResponse own = responses.getAPIResponse(error.getKey());
            if (own == null || (own.getRef() == null && own.getContent() == null)) {
                responses.addAPIResponse(error.getKey(), OASFactory.createAPIResponse().ref(error.getValue()));
            }
        }
        return operation;
    }

    private static boolean readsForm(Operation operation) {
        return operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().hasMediaType(FORM);
    }
}
