package io.latchkey.common.client;

import java.util.ArrayList;
import java.util.List;

import io.latchkey.common.error.OAuthError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * RFC 7591 §2 client metadata as an operator (the admin API) or consent-service (partner applications, through
 * {@code /internal/clients}) sends it to token-service: the one definition of that request body. Wire names are RFC
 * 7591's; {@code owner} (the partner user's id) and {@code operator} (may hold scope {@code admin}) are Latchkey's.
 * Hand-written JSON mapping (Vert.x JSON, no reflection: native-image ready). A value that is absent or JSON
 * {@code null} is null here; {@link ClientMetadataRules#validate} fills in the RFC defaults and checks every rule.
 *
 * @param clientId                optional: the operator may choose it; otherwise the server does
 * @param redirectUris            RFC 7591 §2 {@code redirect_uris}
 * @param grantTypes              RFC 7591 §2 {@code grant_types} (default {@code ["authorization_code"]})
 * @param responseTypes           RFC 7591 §2 {@code response_types}: only {@code ["code"]}, with authorization_code
 * @param tokenEndpointAuthMethod {@code none}, {@code client_secret_basic} (default) or {@code client_secret_post}
 * @param scope                   RFC 7591 §2 space-separated scopes
 * @param operator                null or false unless an operator registers an operator client (admin route only)
 */
public record ClientMetadata(
        String clientId,
        String clientName,
        List<String> redirectUris,
        List<String> grantTypes,
        List<String> responseTypes,
        String tokenEndpointAuthMethod,
        String scope,
        String clientUri,
        String logoUri,
        List<String> contacts,
        String owner,
        Boolean operator) {

    public static final String CLIENT_ID = "client_id";
    public static final String CLIENT_NAME = "client_name";
    public static final String REDIRECT_URIS = "redirect_uris";
    public static final String GRANT_TYPES = "grant_types";
    public static final String RESPONSE_TYPES = "response_types";
    public static final String TOKEN_ENDPOINT_AUTH_METHOD = "token_endpoint_auth_method";
    public static final String SCOPE = "scope";
    public static final String CLIENT_URI = "client_uri";
    public static final String LOGO_URI = "logo_uri";
    public static final String CONTACTS = "contacts";
    public static final String OWNER = "owner";
    public static final String OPERATOR = "operator";
    /** RFC 7591 §3.2.1 response members. */
    public static final String CLIENT_SECRET = "client_secret";
    public static final String CLIENT_ID_ISSUED_AT = "client_id_issued_at";
    public static final String CLIENT_SECRET_EXPIRES_AT = "client_secret_expires_at";

    /** Most entries a list member may have (redirect URIs, contacts, grant types): far more than any real client. */
    public static final int MAX_LIST = 20;

    public ClientMetadata {
        redirectUris = redirectUris == null ? null : List.copyOf(redirectUris);
        grantTypes = grantTypes == null ? null : List.copyOf(grantTypes);
        responseTypes = responseTypes == null ? null : List.copyOf(responseTypes);
        contacts = contacts == null ? null : List.copyOf(contacts);
    }

    /** The same metadata with this client id (e.g. RFC 7592 §2.2: the id comes from the path). */
    public ClientMetadata withClientId(String id) {
        return new ClientMetadata(id, clientName, redirectUris, grantTypes, responseTypes, tokenEndpointAuthMethod,
                scope, clientUri, logoUri, contacts, owner, operator);
    }

    /** The same metadata with this owner (consent-service: the partner user's id). */
    public ClientMetadata withOwner(String newOwner) {
        return new ClientMetadata(clientId, clientName, redirectUris, grantTypes, responseTypes,
                tokenEndpointAuthMethod, scope, clientUri, logoUri, contacts, newOwner, operator);
    }

    public boolean isOperator() {
        return Boolean.TRUE.equals(operator);
    }

    /**
     * Parses a request body. RFC 7591 §2: unknown members are ignored; RFC 7591 §3.2.2: a body that is not a JSON
     * object, or a member of the wrong type, is {@code invalid_client_metadata}.
     */
    public static ClientMetadata fromJson(Buffer body) {
        JsonObject json;
        try {
            json = body == null || body.length() == 0 ? null : new JsonObject(body);
        } catch (DecodeException | ClassCastException | IllegalStateException e) {
            json = null;
        }
        if (json == null) {
            throw OAuthError.INVALID_CLIENT_METADATA.with("The body must be a JSON object of client metadata.");
        }
        return new ClientMetadata(
                string(json, CLIENT_ID), string(json, CLIENT_NAME), strings(json, REDIRECT_URIS),
                strings(json, GRANT_TYPES), strings(json, RESPONSE_TYPES), string(json, TOKEN_ENDPOINT_AUTH_METHOD),
                string(json, SCOPE), string(json, CLIENT_URI), string(json, LOGO_URI), strings(json, CONTACTS),
                string(json, OWNER), bool(json, OPERATOR));
    }

    /** The request body (absent values left out). */
    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        putIfSet(json, CLIENT_ID, clientId);
        putIfSet(json, CLIENT_NAME, clientName);
        putIfSet(json, REDIRECT_URIS, redirectUris == null ? null : new JsonArray(new ArrayList<>(redirectUris)));
        putIfSet(json, GRANT_TYPES, grantTypes == null ? null : new JsonArray(new ArrayList<>(grantTypes)));
        putIfSet(json, RESPONSE_TYPES, responseTypes == null ? null : new JsonArray(new ArrayList<>(responseTypes)));
        putIfSet(json, TOKEN_ENDPOINT_AUTH_METHOD, tokenEndpointAuthMethod);
        putIfSet(json, SCOPE, scope);
        putIfSet(json, CLIENT_URI, clientUri);
        putIfSet(json, LOGO_URI, logoUri);
        putIfSet(json, CONTACTS, contacts == null ? null : new JsonArray(new ArrayList<>(contacts)));
        putIfSet(json, OWNER, owner);
        putIfSet(json, OPERATOR, operator);
        return json;
    }

    private static void putIfSet(JsonObject json, String name, Object value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    private static String string(JsonObject json, String name) {
        Object v = json.getValue(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw OAuthError.INVALID_CLIENT_METADATA.with(name + " must be a string.");
        }
        return s;
    }

    private static Boolean bool(JsonObject json, String name) {
        Object v = json.getValue(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Boolean b)) {
            throw OAuthError.INVALID_CLIENT_METADATA.with(name + " must be true or false.");
        }
        return b;
    }

    private static List<String> strings(JsonObject json, String name) {
        Object v = json.getValue(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonArray array)) {
            throw OAuthError.INVALID_CLIENT_METADATA.with(name + " must be an array of strings.");
        }
        if (array.size() > MAX_LIST) {
            throw OAuthError.INVALID_CLIENT_METADATA.with(name + " has more than " + MAX_LIST + " entries.");
        }
        List<String> out = new ArrayList<>(array.size());
        for (Object o : array) {
            if (!(o instanceof String s)) {
                throw OAuthError.INVALID_CLIENT_METADATA.with(name + " must be an array of strings.");
            }
            out.add(s);
        }
        return out;
    }
}
