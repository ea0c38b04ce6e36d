package io.latchkey.token.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Issue 17: "is this family revoked?" and the rotation itself visit a constant number of rows, however many times the
 * family rotated (row counts from EXPLAIN ANALYZE, not timing).
 */
@QuarkusTest
@TestProfile(TokenServiceProfile.class)
@QuarkusTestResource(FreshDatabase.class)
class FamilyLengthTest {

    private static final String CLI = DemoClients.CLI;
    private static final int ROTATIONS = 1_200;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    /** A live token at the head of a family that has rotated {@code rotations} times before (rows inserted by SQL). */
    private static String familyOf(int rotations) {
        String token = Fixtures.mint(CLI, "db:read").getString("refresh_token");
        Fixtures.update("INSERT INTO token.refresh_tokens (token_hash, family_id, grant_id, client_id, subject, scope, "
                + "issued_at, idle_expires_at, family_expires_at, rotated_at) "
                + "SELECT sha256(convert_to(g || '-' || encode(t.token_hash, 'hex'), 'UTF8')), t.family_id, t.grant_id, "
                + "t.client_id, t.subject, t.scope, now() - interval '1 hour', now() + interval '1 day', "
                + "t.family_expires_at, now() - interval '1 hour' "
                + "FROM token.refresh_tokens t, generate_series(1, " + rotations + ") g WHERE t.token_hash = ?",
                Fixtures.hash(token));
        return token;
    }

    @Test
    void theRevokedCheckOfALookupVisitsAsManyRowsInALongFamilyAsInAFreshOne() throws Exception {
        String fresh = familyOf(0);
        String long_ = familyOf(ROTATIONS);
        Fixtures.update("ANALYZE token.refresh_tokens");
        Fixtures.update("ANALYZE token.refresh_families");
        assertEquals(ROTATIONS + 1L, Fixtures.column("SELECT count(*) FROM token.refresh_tokens WHERE family_id = "
                + "(SELECT family_id FROM token.refresh_tokens WHERE token_hash = ?)", Fixtures.hash(long_)).get(0));

        long freshRows = tokenRows(RefreshTokenRepository.FIND, Tuple.of(bytea(Secrets.sha256(fresh))));
        long longRows = tokenRows(RefreshTokenRepository.FIND, Tuple.of(bytea(Secrets.sha256(long_))));

        // one refresh_tokens row, the presented token's, whatever the family's length (the family row and the grant
        // are read by key; on this test's small tables the planner may scan them whole, which depends on the table)
        assertEquals(freshRows, longRows, "the lookup does not scan the family's tokens");
        assertEquals(1, longRows);
    }

    @Test
    void aRotationInALongFamilyVisitsAsManyRowsAsInAFreshOneAndStillWorks() throws Exception {
        String fresh = familyOf(0);
        String long_ = familyOf(ROTATIONS);
        Fixtures.update("ANALYZE token.refresh_tokens");
        Fixtures.update("ANALYZE token.refresh_families");

        JsonNode freshPlan = plan(RefreshTokenRepository.ROTATE, rotation(fresh));
        JsonNode longPlan = plan(RefreshTokenRepository.ROTATE, rotation(long_));

        assertEquals(visited(freshPlan, "refresh_tokens"), visited(longPlan, "refresh_tokens"));
        assertEquals(1, visited(longPlan, "refresh_tokens"), "one refresh_tokens row read: the presented token's, "
                + "not the family's " + ROTATIONS + " others");
        // the EXPLAIN ANALYZE rotated the head for real: presenting it again is reuse, which revokes the long family
        Fixtures.refresh(CLI, long_).then().statusCode(400);
        assertEquals(0L, Fixtures.column("SELECT count(*) FROM token.refresh_tokens WHERE family_id = "
                + "(SELECT family_id FROM token.refresh_tokens WHERE token_hash = ?) AND revoked_at IS NULL",
                Fixtures.hash(long_)).get(0));
        assertEquals("reuse", Fixtures.column("SELECT revoked_reason FROM token.refresh_families WHERE family_id = "
                + "(SELECT family_id FROM token.refresh_tokens WHERE token_hash = ?)", Fixtures.hash(long_)).get(0));
    }

    @Test
    void aLongFamilyRefreshesOverHttp() {
        String long_ = familyOf(ROTATIONS);
        String next = Fixtures.refresh(CLI, long_).then().statusCode(200).extract().path("refresh_token");
        Fixtures.refresh(CLI, next).then().statusCode(200);
    }

    @Test
    void aRotationWithinAMinuteOfTheLastUseLeavesTheFamilyRowAlone() {
        String token = Fixtures.mint(CLI, "db:read").getString("refresh_token");
        String family = "(SELECT family_id FROM token.refresh_tokens WHERE token_hash = ?)";
        String version = "SELECT xmin::text || '/' || last_used_at::text FROM token.refresh_families WHERE family_id = "
                + family;
        Object before = Fixtures.column(version, Fixtures.hash(token)).get(0);
        String next = Fixtures.refresh(CLI, token).then().statusCode(200).extract().path("refresh_token");
        // "last used" is kept to the minute: a refresh right after the mint writes no new version of the family row
        assertEquals(before, Fixtures.column(version, Fixtures.hash(next)).get(0));

        Fixtures.update("UPDATE token.refresh_families SET last_used_at = now() - interval '61 seconds' WHERE family_id = "
                + family, Fixtures.hash(next));
        String stale = "SELECT last_used_at < now() - interval '1 minute' FROM token.refresh_families WHERE family_id = "
                + family;
        assertEquals(true, Fixtures.column(stale, Fixtures.hash(next)).get(0));
        String third = Fixtures.refresh(CLI, next).then().statusCode(200).extract().path("refresh_token");
        assertEquals(false, Fixtures.column(stale, Fixtures.hash(third)).get(0), "a minute later the rotation sets it");
    }

    private static Tuple rotation(String token) {
        Instant now = Instant.now();
        return Tuple.from(new Object[] {bytea(Secrets.sha256(token)), CLI, utc(now),
                bytea(Secrets.sha256(Secrets.random(32))), utc(now.plus(Duration.ofDays(1))), new String[0]});
    }

    /** The same, counting only the scans of {@code token.refresh_tokens}. */
    private long tokenRows(String sql, Tuple params) throws Exception {
        return visited(plan(sql, params), "refresh_tokens");
    }

    private JsonNode plan(String sql, Tuple params) throws Exception {
        Object plan = pool.preparedQuery("EXPLAIN (ANALYZE, FORMAT JSON) " + sql).execute(params)
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getValue(0);
        return json.readTree(plan.toString()).get(0).get("Plan");
    }

    /**
     * Rows the scans of the plan produced or filtered away, over all their loops; of {@code relation} only, unless
     * null. (On this test's small tables the planner may scan a whole table of families or grants: that depends on
     * the table, not on the family's length.)
     */
    static long visited(JsonNode node, String relation) {
        long rows = 0;
        if (node.path("Node Type").asText().endsWith("Scan")
                && (relation == null || relation.equals(node.path("Relation Name").asText()))) {
            rows += (node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()
                    + node.path("Rows Removed by Index Recheck").asLong()) * Math.max(1, node.path("Actual Loops").asLong());
        }
        for (JsonNode child : node.path("Plans")) {
            rows += visited(child, relation);
        }
        return rows;
    }

    private static Buffer bytea(byte[] b) {
        return Buffer.buffer(b);
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
