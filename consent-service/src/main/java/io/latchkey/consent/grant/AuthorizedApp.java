package io.latchkey.consent.grant;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.latchkey.common.contract.SessionSummary;
import io.latchkey.common.contract.ClientInfo;
import io.latchkey.consent.grant.ScopeCatalogue.ScopeLine;

/**
 * One row of "Authorized apps": an active grant with its app as the client directory describes it.
 *
 * @param lastUsedAt    the last time tokens were issued or refreshed for the grant (or when it was authorized)
 * @param via           how the app was authorized: {@code device} or {@code web}
 * @param sessions      the grant's live sessions (refresh-token families), newest first, as token-service reports them
 * @param sessionsKnown false when token-service could not be asked (then {@code sessions} is empty, not "none")
 */
public record AuthorizedApp(UUID grantId, ClientInfo client, String scope, List<ScopeLine> scopes,
                            OffsetDateTime authorizedAt, OffsetDateTime lastUsedAt, String via,
                            List<SessionSummary> sessions, boolean sessionsKnown) {

    /** The live session with this id, or null. */
    public SessionSummary session(UUID sessionId) {
        return sessions.stream().filter(s -> sessionId.equals(s.sessionId())).findFirst().orElse(null);
    }
}
