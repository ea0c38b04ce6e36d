package io.latchkey.token.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.latchkey.testsupport.FreshDatabase;
import io.latchkey.token.Fixtures;
import io.latchkey.token.TokenServiceProfile;
import io.latchkey.common.crypto.Secrets;
import io.latchkey.token.seed.DemoClients;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Issue 17: the rotation statements find the presented token by its hash, whatever else is in the table. The reactive
 * client prepares them, and PostgreSQL switches a prepared statement to its generic plan after five executions; that
 * plan once scanned every live token of the client (an index by client) and filtered on the hash, so the rotation
 * slowed down with every token written. Row counts from EXPLAIN ANALYZE of the generic plan, not timing.
 */
@QuarkusTest
@TestProfile(TokenServiceProfile.class)
@QuarkusTestResource(FreshDatabase.class)
class RotationPlanTest {

    private static final String CLI = DemoClients.CLI;
    private static final int OTHER_LIVE_TOKENS = 5_000;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Test
    void refreshTokensAreIndexedOnlyByHashAndFamily() {
        // an index the rotation's WHERE clause could use instead of the primary key (client_id, revoked_at, ...)
        // is one a generic plan may pick: only the hash (the lookup) and the family (revoking it) are indexed
        List<Object> columns = Fixtures.column("SELECT string_agg(a.attname, ',' ORDER BY a.attnum) "
                + "FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey) "
                + "WHERE i.indrelid = 'token.refresh_tokens'::regclass GROUP BY i.indexrelid ORDER BY 1");
        assertEquals(List.of("family_id", "token_hash"), columns);
    }

    @Test
    void theGenericPlansOfRotationReissueAndLookupReadOneTokenAmongManyLiveTokensOfTheClient() throws Exception {
        String token = Fixtures.mint(CLI, "db:read").getString("refresh_token");
        // many live tokens of the same client in another family, as a busy client has after a while
        String other = Fixtures.mint(CLI, "db:read").getString("refresh_token");
        Fixtures.update("INSERT INTO token.refresh_tokens (token_hash, family_id, grant_id, client_id, subject, scope, "
                + "issued_at, idle_expires_at, family_expires_at, rotated_at) "
                + "SELECT sha256(convert_to(g || '-' || encode(t.token_hash, 'hex'), 'UTF8')), t.family_id, t.grant_id, "
                + "t.client_id, t.subject, t.scope, now(), now() + interval '1 day', t.family_expires_at, now() "
                + "FROM token.refresh_tokens t, generate_series(1, " + OTHER_LIVE_TOKENS + ") g WHERE t.token_hash = ?",
                Fixtures.hash(other));

        String presented = hex(Secrets.sha256(token));
        String successor = hex(Secrets.sha256(Secrets.random(32)));
        JsonNode rotate = genericPlan(RefreshTokenRepository.ROTATE, "(bytea, text, timestamptz, bytea, timestamptz, text[])",
                "'\\x" + presented + "', '" + CLI + "', now(), '\\x" + successor + "', now() + interval '1 day', '{}'");
        assertEquals(1, FamilyLengthTest.visited(rotate, "refresh_tokens"), "one refresh_tokens row read, the "
                + "presented token's, not the client's " + OTHER_LIVE_TOKENS + " other live tokens");
        assertEquals(1, rotate.path("Actual Rows").asLong(), "the rotation consumed the token");

        // the token just rotated, presented again within a reuse interval of an hour: another successor
        JsonNode reissue = genericPlan(RefreshTokenRepository.REISSUE,
                "(bytea, text, timestamptz, timestamptz, bytea, timestamptz)", "'\\x" + presented + "', '" + CLI
                + "', now(), now() - interval '1 hour', '\\x" + hex(Secrets.sha256(Secrets.random(32)))
                + "', now() + interval '1 day'");
        assertEquals(1, FamilyLengthTest.visited(reissue, "refresh_tokens"));
        assertEquals(1, reissue.path("Actual Rows").asLong(), "the reuse-interval successor was issued");

        JsonNode find = genericPlan(RefreshTokenRepository.FIND, "(bytea)", "'\\x" + presented + "'");
        assertEquals(1, FamilyLengthTest.visited(find, "refresh_tokens"));
        assertEquals(1, find.path("Actual Rows").asLong());
    }

    /**
     * EXPLAIN ANALYZE of {@code sql} as the generic plan of a prepared statement with parameters of these {@code types},
     * executed with these literal {@code parameters}.
     */
    private JsonNode genericPlan(String sql, String types, String parameters) throws Exception {
        Row row = pool.withConnection((SqlConnection c) -> c.query("SET plan_cache_mode = force_generic_plan").execute()
                        .chain(() -> c.query("PREPARE plan_under_test " + types + " AS " + sql).execute())
                        .chain(() -> c.query("EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE plan_under_test (" + parameters + ")")
                                .execute())
                        .call(() -> c.query("DEALLOCATE plan_under_test").execute())
                        .call(() -> c.query("RESET plan_cache_mode").execute())
                        .map(rows -> rows.iterator().next()))
                .await().atMost(Duration.ofSeconds(30));
        return json.readTree(row.getValue(0).toString()).get(0).get("Plan");
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
