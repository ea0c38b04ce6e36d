package io.latchkey.consent.json;

import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;

/**
 * The one strict reader of JSON request bodies in consent-service (admin API, internal audit route): a bounded JSON
 * object with only the fields the route knows, none twice, each of the right type, no control characters in text.
 * Every problem is 400 {@code invalid_request} before any database call.
 */
public final class StrictJson {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1f\\x7f]");

    private final JsonNode root;

    private StrictJson(JsonNode root) {
        this.root = root;
    }

    public static StrictJson object(ObjectMapper json, byte[] body, int maxBytes, Set<String> fields) {
        if (body == null || body.length == 0) {
            throw invalid("A JSON body is required.");
        }
        if (body.length > maxBytes) {
            throw invalid("The body is larger than " + maxBytes + " bytes.");
        }
        JsonNode root;
        try {
            root = json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(body);
        } catch (IOException e) {
            throw invalid("The body is not well-formed JSON (or repeats a field).");
        }
        if (root == null || !root.isObject()) {
            throw invalid("The body must be a JSON object.");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            if (!fields.contains(it.next())) {
                throw invalid("Unknown field.");
            }
        }
        return new StrictJson(root);
    }

    /** A text field of at most {@code maxLength} characters without control characters; null when absent or null. */
    public String text(String name, boolean required, int maxLength) {
        JsonNode v = root.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                throw invalid("Missing " + name + ".");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw invalid(name + " must be a string.");
        }
        String s = v.textValue();
        if (s.length() > maxLength) {
            throw invalid(name + " is longer than " + maxLength + " characters.");
        }
        if (CONTROL.matcher(s).find()) {
            throw invalid(name + " contains control characters.");
        }
        if (required && s.isBlank()) {
            throw invalid("Missing " + name + ".");
        }
        return s;
    }

    /** The raw node of a field, or null when absent or JSON null. */
    public JsonNode node(String name) {
        JsonNode v = root.get(name);
        return v == null || v.isNull() ? null : v;
    }

    public static OAuthException invalid(String description) {
        return OAuthError.INVALID_REQUEST.with(description);
    }
}
