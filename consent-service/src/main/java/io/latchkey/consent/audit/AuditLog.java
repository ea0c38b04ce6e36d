package io.latchkey.consent.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.consent.admin.PageCursor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The audit trail ({@code consent.audit_events}); joins the caller's transaction when there is one. */
@ApplicationScoped
public class AuditLog implements PanacheRepositoryBase<AuditEvent, UUID> {

    @WithTransaction
    public Uni<AuditEvent> record(AuditEvent event) {
        return persist(event);
    }

    /** Newest first, after the cursor's row; one row more than the page's limit (to know whether more follow). */
    @WithSession
    public Uni<List<AuditEvent>> search(AuditFilter f, PageCursor page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (f.userId() != null) {
            where.append(" and userId = :userId");
            params.put("userId", f.userId());
        }
        if (f.clientId() != null) {
            where.append(" and clientId = :clientId");
            params.put("clientId", f.clientId());
        }
        if (f.kind() != null) {
            where.append(" and action = :kind");
            params.put("kind", f.kind());
        }
        if (f.since() != null) {
            where.append(" and at >= :since");
            params.put("since", f.since());
        }
        if (f.until() != null) {
            where.append(" and at < :until");
            params.put("until", f.until());
        }
        page.restrict(where, params, "at", true);
        return find(where + " order by at desc, id desc", params).range(0, page.limit()).list();
    }
}
