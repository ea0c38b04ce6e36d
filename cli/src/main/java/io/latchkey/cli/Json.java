package io.latchkey.cli;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Jackson's tree model only: no data binding by reflection, so the native image needs no registration. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** The body as JSON, or null when it is not JSON (an HTML error page, a proxy's text). */
    static JsonNode parseOrNull(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    static String text(JsonNode o, String field) {
        JsonNode v = o == null ? null : o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
