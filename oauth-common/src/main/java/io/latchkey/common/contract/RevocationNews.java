package io.latchkey.common.contract;

import io.latchkey.common.revocation.RevocationKind;

/**
 * One revocation as token-service publishes it on Redis and every gateway reads it (docs/internal-api.md,
 * "Revocations"): the channel is {@link RevocationKind#channel}{@code (prefix)}; the message is
 * {@code "<id> <expiry epoch ms>"} for a jti or a family, the bare {@code "<id>"} for a grant, and
 * {@code "<client_id> <revoked_at epoch ms> <expiry epoch ms>"} for a client. The one statement of that format: the
 * writer ({@code DenyListStore}) calls {@link #message()}, the reader ({@code DenyListFeed}) {@link #parse}.
 *
 * @param kind            which claim the entry matches
 * @param id              the jti, family id, grant id or client id
 * @param revokedAtMillis for a client: tokens issued up to then are denied; 0 for the other kinds
 * @param expiryMillis    when the entry may be forgotten (epoch ms); 0 when the message does not say (a grant)
 */
public record RevocationNews(RevocationKind kind, String id, long revokedAtMillis, long expiryMillis) {

    /** A jti or family entry, forgotten at {@code expiryMillis}. */
    public static RevocationNews of(RevocationKind kind, String id, long expiryMillis) {
        return new RevocationNews(kind, id, 0, expiryMillis);
    }

    /** A grant: the message is the bare id (a reader keeps it for the access-token lifetime + 60 s). */
    public static RevocationNews grant(String grantId) {
        return new RevocationNews(RevocationKind.GRANT, grantId, 0, 0);
    }

    /** A client: every access token it was issued up to {@code revokedAtMillis}, until {@code expiryMillis}. */
    public static RevocationNews client(String clientId, long revokedAtMillis, long expiryMillis) {
        return new RevocationNews(RevocationKind.CLIENT, clientId, revokedAtMillis, expiryMillis);
    }

    /** The pub/sub channel this entry goes out on. */
    public String channel(String keyPrefix) {
        return kind.channel(keyPrefix);
    }

    /** The message published on {@link #channel}. */
    public String message() {
        if (kind == RevocationKind.CLIENT) {
            return id + " " + revokedAtMillis + " " + expiryMillis;
        }
        return expiryMillis > 0 ? id + " " + expiryMillis : id;
    }

    /**
     * The entry a message on {@code kind}'s channel announces, or null when it is malformed (the reader's periodic
     * reload from the durable record brings what it misses). A jti/family/grant message without a readable expiry
     * has {@code expiryMillis} 0: the reader picks the lifetime.
     */
    public static RevocationNews parse(RevocationKind kind, String message) {
        if (kind == null || message == null) {
            return null;
        }
        String payload = message.trim();
        if (payload.isEmpty()) {
            return null;
        }
        if (kind == RevocationKind.CLIENT) {
            String[] parts = payload.split(" ");
            if (parts.length != 3 || parts[0].isEmpty()) {
                return null;
            }
            try {
                return client(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        int space = payload.indexOf(' ');
        if (space < 0) {
            return new RevocationNews(kind, payload, 0, 0);
        }
        long expiry = 0;
        try {
            expiry = Long.parseLong(payload.substring(space + 1).trim());
        } catch (NumberFormatException ignored) {
            // the reader picks the lifetime
        }
        return new RevocationNews(kind, payload.substring(0, space), 0, expiry);
    }

    /** The kind whose channel this is, or null. */
    public static RevocationKind kindOfChannel(String keyPrefix, String channel) {
        for (RevocationKind k : RevocationKind.values()) {
            if (k.channel(keyPrefix).equals(channel)) {
                return k;
            }
        }
        return null;
    }
}
