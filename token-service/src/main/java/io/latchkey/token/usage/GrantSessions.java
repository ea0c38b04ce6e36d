package io.latchkey.token.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.common.contract.GrantUsageReport;
import io.latchkey.common.contract.SessionSummary;
import io.latchkey.token.config.TokenServiceConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * When each grant last got tokens and its live sessions ("last used" and the sessions on the Authorized apps page),
 * from the durable family rows ({@code token.refresh_families}: the mint and rotation statements set last_used_at
 * themselves), for many grants in one query.
 */
@ApplicationScoped
public class GrantSessions {

    /** $1 grant ids, $2 now, $3 oldest last use of a live family (now − idle lifetime). Newest family first. */
    static final String REPORT = "SELECT f.grant_id, f.family_id, f.created_at, f.last_used_at, f.user_agent, f.ip, "
            + "f.device_name, (f.revoked_at IS NULL AND f.family_expires_at > $2 "
            // RFC 9700 §4.14.2: a family idle longer than the idle lifetime has no usable token left
            + "AND COALESCE(f.last_used_at, f.created_at) > $3 "
            + "AND NOT EXISTS (SELECT 1 FROM token.revoked_grants g WHERE g.grant_id = f.grant_id)) AS live "
            + "FROM token.refresh_families f WHERE f.grant_id = ANY($1) "
            + "ORDER BY f.grant_id, f.created_at DESC, f.family_id";

    private final Pool pool;
    private final Duration idleTtl;

    public GrantSessions(Pool pool, TokenServiceConfig config) {
        this.pool = pool;
        this.idleTtl = config.token().refreshIdleTtl();
    }

    /** Each grant that has a family on record (others are left out), in the order asked. */
    public Uni<Map<String, GrantUsageReport>> report(List<String> grantIds) {
        if (grantIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Instant now = Instant.now();
        return pool.preparedQuery(REPORT)
                .execute(Tuple.of(grantIds.toArray(String[]::new), utc(now), utc(now.minus(idleTtl))))
                .map(rows -> {
                    Map<String, Instant> lastUsed = new LinkedHashMap<>();
                    Map<String, List<SessionSummary>> live = new LinkedHashMap<>();
                    for (Row r : rows) {
                        String grantId = r.getString("grant_id");
                        Instant used = instant(r, "last_used_at");
                        live.computeIfAbsent(grantId, g -> new ArrayList<>());
                        if (used != null) {
                            lastUsed.merge(grantId, used, (a, b) -> a.isAfter(b) ? a : b);
                        }
                        if (Boolean.TRUE.equals(r.getBoolean("live"))) {
                            live.get(grantId).add(new SessionSummary(r.getUUID("family_id"), instant(r, "created_at"),
                                    used, r.getString("user_agent"), r.getString("ip"), r.getString("device_name")));
                        }
                    }
                    Map<String, GrantUsageReport> out = new LinkedHashMap<>();
                    for (String grantId : grantIds) {
                        if (live.containsKey(grantId)) {
                            out.put(grantId, new GrantUsageReport(lastUsed.get(grantId), List.copyOf(live.get(grantId))));
                        }
                    }
                    return out;
                });
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
