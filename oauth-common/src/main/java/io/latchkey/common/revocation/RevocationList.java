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
 * {@code {"revocations":[{"kind":"grant|family|jti|client","id":"…","expires_at":<epoch ms>}, …]}}; a
 * {@code client} entry also has {@code "revoked_at":<epoch ms>}.
 * Hand-written JSON mapping (Vert.x JSON, no reflection: native-image ready).
 */
public record RevocationList(List<Entry> revocations) {

    /**
     * One entry: forget it after {@code expiresAtMillis}, when every token it could deny has expired.
     * {@code revokedAtMillis}: when it was revoked; only {@link RevocationKind#CLIENT} entries need it (they deny the
     * tokens issued up to then), 0 for the other kinds.
     */
    public record Entry(RevocationKind kind, String id, long expiresAtMillis, long revokedAtMillis) {

        public Entry(RevocationKind kind, String id, long expiresAtMillis) {
            this(kind, id, expiresAtMillis, 0);
        }
    }

    public RevocationList {
        revocations = List.copyOf(revocations);
    }

    public String toJson() {
        JsonArray list = new JsonArray();
        for (Entry e : revocations) {
            JsonObject entry = new JsonObject().put("kind", e.kind().wire()).put("id", e.id()).put("expires_at", e.expiresAtMillis());
            if (e.kind() == RevocationKind.CLIENT) {
                entry.put("revoked_at", e.revokedAtMillis());
            }
            list.add(entry);
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
                long revokedAt = e.getValue("revoked_at") instanceof Number n ? n.longValue() : 0;
                // a client entry without its revocation time cannot be applied safely: skipped like an unknown kind
                if (kind != null && (kind != RevocationKind.CLIENT || revokedAt > 0)) {
                    entries.add(new Entry(kind, id, expiry.longValue(), revokedAt));
                }
            }
        }
        return new RevocationList(entries);
    }
}
