package io.latchkey.consent.login;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed-in browser session as stored in Redis.
 *
 * @param key            the Redis key (derived from the hash of the cookie value, never the value itself)
 * @param deviceUserCode the user code this session last looked up on /device (RFC 8628 §5.5), or null
 * @param ip             the client address that signed in (for /account/sessions), or null
 * @param userAgent      the User-Agent that signed in (at most 512 characters), or null
 * @param deviceDecided  the last device decision of this session, "approved:&lt;client_id&gt;" or
 *                       "denied:&lt;client_id&gt;" (the page after the decision's redirect names the app), or null
 */
public record Session(String key, UUID userId, String username, String displayName, String csrf,
                      Instant createdAt, String deviceUserCode, String ip, String userAgent, String deviceDecided) {
}
