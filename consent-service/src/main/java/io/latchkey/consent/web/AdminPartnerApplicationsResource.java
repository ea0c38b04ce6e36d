package io.latchkey.consent.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.latchkey.common.Form;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.trust.OperatorIdentity;
import io.latchkey.common.trust.OperatorIdentity.Caller;
import io.latchkey.consent.admin.PageCursor;
import io.latchkey.consent.json.StrictJson;
import io.latchkey.consent.partner.PartnerApplication;
import io.latchkey.consent.partner.PartnerPrograms;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Partner applications for operators ({@code /admin/partner-applications}, JSON; bearer scope admin at the gateway,
 * checked again here). Approving registers the client in token-service; its secret goes to the partner's
 * reveal-once page, never into this answer.
 */
@Path("/admin/partner-applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: partner applications", description = "Operator access token with scope admin")
public class AdminPartnerApplicationsResource {

    private static final Set<String> STATUSES = Set.of(PartnerApplication.PENDING, PartnerApplication.APPROVED,
            PartnerApplication.REJECTED);

    public record ApplicationView(@JsonProperty("id") String id, @JsonProperty("applicant_id") String applicantId,
                                  @JsonProperty("app_name") String appName,
                                  @JsonProperty("description") String description,
                                  @JsonProperty("homepage_uri") String homepageUri,
                                  @JsonProperty("logo_uri") String logoUri, @JsonProperty("app_type") String appType,
                                  @JsonProperty("redirect_uris") List<String> redirectUris,
                                  @JsonProperty("scope") String scope,
                                  @JsonProperty("contact_email") String contactEmail,
                                  @JsonProperty("status") String status,
                                  @JsonProperty("reject_reason") String rejectReason,
                                  @JsonProperty("client_id") String clientId,
                                  @JsonProperty("decided_by") String decidedBy,
                                  @JsonProperty("created_at") OffsetDateTime createdAt,
                                  @JsonProperty("decided_at") OffsetDateTime decidedAt) {
        static ApplicationView of(PartnerApplication a) {
            return new ApplicationView(a.id.toString(), a.applicantId.toString(), a.appName, a.description,
                    a.homepageUri, a.logoUri, a.appType, a.redirectUriList(), a.scopes, a.contactEmail, a.status,
                    a.rejectReason, a.clientId, a.decidedBy, a.createdAt, a.decidedAt);
        }
    }

    public record ApplicationList(@JsonProperty("applications") List<ApplicationView> applications,
                                  @JsonProperty("next_cursor") String nextCursor) {
    }

    private final OperatorIdentity identity;
    private final PartnerPrograms partners;
    private final ObjectMapper json;

    public AdminPartnerApplicationsResource(OperatorIdentity identity, PartnerPrograms partners, ObjectMapper json) {
        this.identity = identity;
        this.partners = partners;
        this.json = json;
    }

    @GET
    @Operation(summary = "Applications, oldest first: status=pending|approved|rejected, limit, cursor")
    public Uni<ApplicationList> list(@Context HttpHeaders headers, @Context HttpServerRequest request) {
        identity.require(headers);
        Form query = Form.query(request.query());
        String status = query.optional("status");
        if (status != null && !STATUSES.contains(status)) {
            throw OAuthError.INVALID_REQUEST.with("status must be pending, approved or rejected.");
        }
        PageCursor page = PageCursor.of(query);
        return partners.list(status, page).map(p -> new ApplicationList(
                p.applications().stream().map(ApplicationView::of).toList(), p.nextCursor()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One application")
    public Uni<ApplicationView> show(@RestPath String id, @Context HttpHeaders headers) {
        identity.require(headers);
        return partners.find(applicationId(id)).map(ApplicationView::of);
    }

    @POST
    @Path("{id}/approve")
    @Operation(summary = "Approve: token-service registers the client (owner = the applicant); 409 when decided")
    public Uni<ApplicationView> approve(@RestPath String id, @Context HttpHeaders headers) {
        Caller caller = identity.require(headers);
        return partners.approve(caller, applicationId(id)).map(ApplicationView::of);
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject with a reason the applicant sees: {\"reason\":\"…\"}; 409 when decided")
    public Uni<ApplicationView> reject(@RestPath String id, byte[] body, @Context HttpHeaders headers) {
        Caller caller = identity.require(headers);
        UUID appId = applicationId(id);
        String reason = StrictJson.object(json, body, 4096, Set.of("reason"))
                .text("reason", true, PartnerPrograms.MAX_REASON);
        return partners.reject(caller, appId, reason).map(ApplicationView::of);
    }

    private static UUID applicationId(String id) {
        UUID u = AuthorizedAppsResource.uuid(id);
        if (u == null) {
            throw OAuthError.NOT_FOUND.with("No such application.");
        }
        return u;
    }
}
