package io.latchkey.common.revocation;

import java.util.ArrayList;
import java.util.List;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The contract of token-service's {@code GET /internal/revocations}: every revocation that can still deny a live
 * access token, from the durable record in PostgreSQL. A gateway replaces nothing with it: it merges the entries into
 * its in-memory deny-list on start and on every Redis (re)connect. Wire form:
 * {@code {"revocations":[{"kind":"grant|family|jti","id":"…","expires_at":<epoch ms>}, …]}}.
 * Hand-written JSON mapping (Vert.x JSON, no reflection: native-image ready).
 */
public record RevocationList(List<Entry> revocations) {

    /** One entry: forget it after {@code expiresAtMillis}, when every token it could deny has expired. */
    public record Entry(RevocationKind kind, String id, long expiresAtMillis) {
    }

    public RevocationList {
        revocations = List.copyOf(revocations);
    }

    public String toJson() {
        JsonArray list = new JsonArray();
        for (Entry e : revocations) {
            list.add(new JsonObject().put("kind", e.kind().wire()).put("id", e.id()).put("expires_at", e.expiresAtMillis()));
        }
        return new JsonObject().put("revocations", list).encode();
    }

    /** Parses the wire form; entries of an unknown kind (a newer token-service) are skipped. */
    public static RevocationList fromJson(Buffer json) {
        JsonArray list = new JsonObject(json).getJsonArray("revocations");
        if (list == null) {
            throw new IllegalArgumentException("no revocations array");
        }
        List<Entry> entries = new ArrayList<>(list.size());
        for (Object o : list) {
            if (o instanceof JsonObject e && e.getValue("id") instanceof String id
                    && e.getValue("expires_at") instanceof Number expiry) {
                RevocationKind kind = e.getValue("kind") instanceof String k ? RevocationKind.fromWire(k) : null;
                if (kind != null) {
                    entries.add(new Entry(kind, id, expiry.longValue()));
                }
            }
        }
        return new RevocationList(entries);
    }
}
