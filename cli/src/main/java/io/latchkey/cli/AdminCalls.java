package io.latchkey.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The operator API requests of {@code latchkey admin}: token-service's {@code /admin/clients} (RFC 7591 metadata
 * names, RFC 7592 semantics) and consent-service's {@code /admin/users}, both through the gateway with a token
 * carrying scope {@code admin}.
 */
final class AdminCalls {

    private static final Map<String, String> JSON_BODY = Map.of("Content-Type", "application/json");

    private AdminCalls() {
    }

    static ApiCommand.Request listClients(String issuer, Integer limit, String cursor) {
        StringBuilder q = new StringBuilder();
        if (limit != null) {
            q.append("limit=").append(limit);
        }
        if (cursor != null) {
            q.append(q.length() > 0 ? "&" : "").append("cursor=").append(enc(cursor));
        }
        return new ApiCommand.Request("GET", issuer + "/admin/clients" + (q.length() > 0 ? "?" + q : ""), Map.of(), null);
    }

    /** RFC 7591 §2 client metadata; the server generates client_id (and the secret of a confidential client). */
    static ApiCommand.Request createClient(String issuer, String name, List<String> redirectUris, List<String> grantTypes,
                                           String authMethod, String scope) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("client_name", name);
        if (!redirectUris.isEmpty()) {
            o.set("redirect_uris", array(redirectUris));
        }
        if (!grantTypes.isEmpty()) {
            o.set("grant_types", array(grantTypes));
        }
        if (authMethod != null) {
            o.put("token_endpoint_auth_method", authMethod);
        }
        if (scope != null) {
            o.put("scope", scope);
        }
        return new ApiCommand.Request("POST", issuer + "/admin/clients", JSON_BODY, Json.pretty(o));
    }

    static ApiCommand.Request rotateSecret(String issuer, String clientId) {
        return new ApiCommand.Request("POST", issuer + "/admin/clients/" + segment(clientId) + "/secret", Map.of(), null);
    }

    static ApiCommand.Request disableClient(String issuer, String clientId) {
        return new ApiCommand.Request("POST", issuer + "/admin/clients/" + segment(clientId) + "/disable", Map.of(), null);
    }

    static ApiCommand.Request findUsers(String issuer, String email) {
        return new ApiCommand.Request("GET", issuer + "/admin/users?email=" + enc(email), Map.of(), null);
    }

    static ApiCommand.Request disableUser(String issuer, String userId) {
        return new ApiCommand.Request("POST", issuer + "/admin/users/" + segment(userId) + "/disable", Map.of(), null);
    }

    /** A path segment: an id with a slash or a dot segment must not change which resource is addressed. */
    static String segment(String id) {
        if (id.isEmpty() || id.equals(".") || id.equals("..")) {
            throw new CliFailure(Exit.USAGE, "Not an id: " + id);
        }
        return enc(id).replace("+", "%20");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode array(List<String> values) {
        var a = Json.MAPPER.createArrayNode();
        values.forEach(a::add);
        return a;
    }
}
