package io.latchkey.token.revocation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Revoked grants in PostgreSQL ({@code token.revoked_grants}): the durable record behind the deny-list. */
@ApplicationScoped
public class RevokedGrantRepository {

    /** Records the revocation; a grant revoked twice keeps its first revocation time. Returns that time. */
    public Uni<Instant> insert(SqlConnection conn, String grantId, Instant now) {
        return conn.preparedQuery("INSERT INTO token.revoked_grants (grant_id, revoked_at) VALUES ($1, $2) "
                        + "ON CONFLICT (grant_id) DO UPDATE SET revoked_at = token.revoked_grants.revoked_at "
                        + "RETURNING revoked_at")
                .execute(Tuple.of(grantId, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getOffsetDateTime("revoked_at").toInstant());
    }
}
