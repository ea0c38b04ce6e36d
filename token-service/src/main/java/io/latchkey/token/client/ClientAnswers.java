package io.latchkey.token.client;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.latchkey.common.Form;
import io.latchkey.common.KeysetPage;
import io.latchkey.common.client.ClientMetadata;
import io.latchkey.common.client.ClientMetadataRules;
import io.latchkey.common.error.OAuthError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.latchkey.common.contract.ClientRegistration;

/**
 * The HTTP side shared by the admin API ({@code web/AdminClientResource}) and consent-service's internal routes
 * ({@code internal/InternalClientResource}): reading a metadata body and a listing query, writing the answers.
 * Resources stay thin; {@link ClientRegistry} holds the logic.
 */
public final class ClientAnswers {

    /** A page holds at most this many clients; {@value #DEFAULT_LIMIT} when {@code limit} is not given. */
    public static final int MAX_LIMIT = KeysetPage.MAX_LIMIT;
    public static final int DEFAULT_LIMIT = KeysetPage.DEFAULT_LIMIT;

    /** A parsed listing query: keyset cursor (the last client_id of the previous page), page size, filters. */
    public record ListQuery(String cursor, int limit, ClientRepository.Filter filter) {
    }

    private ClientAnswers() {
    }

    /** RFC 7591 §3.1: the body is a JSON object of client metadata (Content-Type application/json). */
    public static ClientMetadata metadata(String contentType, byte[] body) {
        if (!isJson(contentType)) {
            throw OAuthError.INVALID_REQUEST.with("Send client metadata as application/json.");
        }
        return ClientMetadata.fromJson(body == null ? null : Buffer.buffer(body));
    }

    /** An RFC 7592 §2.2 update body: a client_id in it must be the one in the path. */
    public static ClientMetadata updateMetadata(String contentType, byte[] body, String pathClientId) {
        ClientMetadata m = metadata(contentType, body);
        if (m.clientId() != null && !m.clientId().equals(pathClientId)) {
            // RFC 7592 §2.2: the client_id in the body is the one in the path
            throw OAuthError.INVALID_REQUEST.with("client_id does not match the path.");
        }
        return m.withClientId(null);
    }

    /**
     * {@code limit} (1–{@value #MAX_LIMIT}), {@code cursor} (the {@code next_cursor} of the previous page), and for
     * the console {@code owner}, {@code q} (part of the id or name), {@code disabled} ({@code true}/{@code false}).
     * Read by the strict reader: malformed, repeated or oversized parameters are {@code invalid_request}.
     */
    public static ListQuery listQuery(String rawQuery) {
        Form query = Form.query(rawQuery);
        KeysetPage page = KeysetPage.of(query);
        String disabled = query.optional("disabled");
        if (disabled != null && !disabled.equals("true") && !disabled.equals("false")) {
            throw OAuthError.INVALID_REQUEST.with("disabled must be true or false.");
        }
        String q = query.optional("q");
        if (q != null && q.length() > ClientMetadataRules.MAX_NAME) {
            throw OAuthError.INVALID_REQUEST.with("q is too long.");
        }
        String owner = query.optional("owner");
        if (owner != null && owner.length() > ClientMetadataRules.MAX_NAME) {
            throw OAuthError.INVALID_REQUEST.with("owner is too long.");
        }
        return new ListQuery(page.cursor(), page.limit(), new ClientRepository.Filter(owner, q,
                disabled == null ? null : Boolean.valueOf(disabled)));
    }

    /** {@code {"clients":[…], "next_cursor": "…" | null}}. */
    public static Response page(ClientRepository.Page page) {
        return json(200, new ClientRegistration.Page(
                page.clients().stream().map(ClientRegistrationJson::of).toList(), page.nextCursor()));
    }

    /** The contract record as JSON (Vert.x's Jackson codec: the record's annotations decide the members). */
    public static Response json(int status, Object body) {
        // RFC 7591 §3.2.1: answers carrying a client secret are not cached (every client answer, to be sure)
        return Response.status(status).entity(Json.encode(body)).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    public static Response noContent() {
        return Response.noContent().header("Cache-Control", "no-store").build();
    }

    /** Client ids in paths: the same shape rule as registration (anything else cannot exist: 404 without a query). */
    public static void checkPathId(String clientId) {
        if (clientId == null || clientId.isEmpty() || clientId.length() > 64 || hasUnsafe(clientId)) {
            throw OAuthError.NOT_FOUND.with("No such client.");
        }
    }

    private static boolean hasUnsafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** application/json, optionally with charset UTF-8 (RFC 8259 §8.1: JSON is UTF-8). */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        String charset = type.getParameters().get("charset");
        return "application".equalsIgnoreCase(type.getType()) && "json".equalsIgnoreCase(type.getSubtype())
                && (charset == null || charset.equalsIgnoreCase("utf-8"));
    }
}
