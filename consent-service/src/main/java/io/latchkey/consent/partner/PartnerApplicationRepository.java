package io.latchkey.consent.partner;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.consent.admin.PageCursor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Partner applications in PostgreSQL ({@code consent.partner_applications}). */
@ApplicationScoped
public class PartnerApplicationRepository implements PanacheRepositoryBase<PartnerApplication, UUID> {

    @WithSession
    public Uni<List<PartnerApplication>> ofApplicant(UUID applicantId) {
        return list("applicantId = ?1 order by createdAt desc", applicantId);
    }

    @WithSession
    public Uni<PartnerApplication> ofApplicant(UUID applicantId, UUID id) {
        return find("id = ?1 and applicantId = ?2", id, applicantId).firstResult();
    }

    @WithSession
    public Uni<PartnerApplication> byId(UUID id) {
        return findById(id);
    }

    /** Oldest first (a queue), after the cursor's row; one more row than the limit. */
    @WithSession
    public Uni<List<PartnerApplication>> page(String status, PageCursor page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        page.restrict(where, params, "createdAt", false);
        return find(where + " order by createdAt, id", params).range(0, page.limit()).list();
    }

    /**
     * Decides a pending application, once: the one conditional UPDATE that finds it still pending wins (two operators
     * deciding at once). 1 when this call decided it. The caller provides the transaction.
     */
    public Uni<Integer> decide(UUID id, String status, String clientId, String reason, String decidedBy) {
        return update("status = ?1, clientId = ?2, rejectReason = ?3, decidedBy = ?4, decidedAt = ?5 "
                        + "where id = ?6 and status = ?7",
                status, clientId, reason, decidedBy, OffsetDateTime.now(), id, PartnerApplication.PENDING);
    }
}
