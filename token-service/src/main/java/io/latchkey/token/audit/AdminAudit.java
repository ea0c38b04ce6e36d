package io.latchkey.token.audit;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.latchkey.common.OAuthParams;
import io.latchkey.common.contract.AuditEventReport;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.trust.OperatorIdentity;
import io.latchkey.token.config.TokenServiceConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/**
 * Every admin action is audited before it takes effect: who (the operator token's {@code sub} and {@code client_id}),
 * what (a kind and details), when (consent-service stamps it), from where ({@code X-Latchkey-Client-IP}). The trail
 * is consent-service's ({@code consent.audit_events}), written through its {@code POST /internal/audit-events}
 * (docs/internal-api.md). When that write fails the action is not done: 503 {@code temporarily_unavailable}, never
 * an unaudited change.
 */
@ApplicationScoped
public class AdminAudit {

    private static final Logger LOG = Logger.getLogger(AdminAudit.class);
    private static final int TIMEOUT_MILLIS = 2000;

    private final HttpClient http;
    private final RequestOptions request;

    public AdminAudit(Vertx vertx, TokenServiceConfig config) {
        URI consent = URI.create(config.services().consentUrl());
        boolean ssl = "https".equalsIgnoreCase(consent.getScheme());
        this.http = vertx.createHttpClient(new HttpClientOptions().setName("latchkey-admin-audit").setSsl(ssl)
                .setConnectTimeout(TIMEOUT_MILLIS).setKeepAlive(true));
        this.request = new RequestOptions().setMethod(HttpMethod.POST)
                .setHost(consent.getHost())
                .setPort(consent.getPort() > 0 ? consent.getPort() : ssl ? 443 : 80)
                .setSsl(ssl)
                .setURI("/internal/audit-events")
                .setIdleTimeout(TIMEOUT_MILLIS)
                .putHeader("Content-Type", "application/json")
                .putHeader(OAuthParams.INTERNAL_AUTH_HEADER, config.internal().secret());
    }

    void stop(@Observes ShutdownEvent ignored) {
        http.close();
    }

    /**
     * Records one admin action; fails with 503 {@code temporarily_unavailable} when the trail cannot be written.
     *
     * @param kind     e.g. {@code client.disabled}
     * @param clientId the client acted on, or null
     */
    public Uni<Void> record(OperatorIdentity.Caller caller, String kind, String clientId, JsonObject detail) {
        JsonObject details = (detail == null ? new JsonObject() : detail.copy()).put("actor_client_id", caller.clientId());
        AuditEventReport event = new AuditEventReport(kind, caller.actor(), clientId, null, caller.ip(), details.getMap());
        return Uni.createFrom().completionStage(() -> http.request(new RequestOptions(request))
                        .compose(req -> req.send(Json.encodeToBuffer(event)))
                        .compose(response -> response.body().map(body -> response.statusCode()))
                        .toCompletionStage())
                .onFailure().transform(e -> {
                    LOG.warnf("Audit trail unreachable for %s (%s): the action is refused", kind, e.toString());
                    return unavailable();
                })
                .map(status -> {
                    if (status / 100 != 2) {
                        LOG.warnf("Audit trail answered %d for %s: the action is refused", status, kind);
                        throw unavailable();
                    }
                    return null;
                });
    }

    private static RuntimeException unavailable() {
        return OAuthError.TEMPORARILY_UNAVAILABLE.with("The audit trail cannot be written right now; nothing was changed.")
                .withRetryAfter(1);
    }
}
