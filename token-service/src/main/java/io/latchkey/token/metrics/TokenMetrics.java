package io.latchkey.token.metrics;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.latchkey.common.OAuthParams;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;
import io.latchkey.common.metrics.EnumCounters;
import io.latchkey.common.metrics.LabelledCounters;
import io.latchkey.common.metrics.MetricNames;
import io.latchkey.common.revocation.RevocationKind;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * token-service's OAuth outcome counters (README, "Metrics"): tokens issued per grant type and client, token-endpoint
 * errors per grant type and RFC error code, revocations per kind. Every meter is registered once; the hot paths only
 * look counters up (two map reads) and increment them.
 */
// created at start-up, so every series is exported (at 0) before its first event
@io.quarkus.runtime.Startup
@ApplicationScoped
public class TokenMetrics {

    private static final Logger LOG = Logger.getLogger("io.latchkey.security");

    /** More distinct (grant type, client) pairs than this are counted as client "unknown". */
    static final int MAX_CLIENT_PAIRS = 10_000;
    static final List<String> GRANT_TYPES = List.of(OAuthParams.GRANT_AUTHORIZATION_CODE,
            OAuthParams.GRANT_REFRESH_TOKEN, OAuthParams.GRANT_CLIENT_CREDENTIALS, OAuthParams.GRANT_DEVICE_CODE);

    private final LabelledCounters issued;
    private final LabelledCounters errors;
    private final EnumCounters<RevocationKind> revocations;

    public TokenMetrics(MeterRegistry registry) {
        issued = new LabelledCounters(registry, MetricNames.TOKENS_ISSUED, "Access tokens issued",
                MetricNames.GRANT_TYPE, MetricNames.CLIENT_ID, MAX_CLIENT_PAIRS);
        errors = new LabelledCounters(registry, MetricNames.TOKEN_ERRORS, "Token endpoint errors",
                MetricNames.GRANT_TYPE, MetricNames.ERROR, (GRANT_TYPES.size() + 1) * OAuthError.values().length);
        revocations = new EnumCounters<>(registry, MetricNames.REVOCATIONS, "Revocations recorded",
                MetricNames.KIND, RevocationKind.class, RevocationKind::wire);
        for (String grant : GRANT_TYPES) {
            for (OAuthError e : List.of(OAuthError.INVALID_GRANT, OAuthError.INVALID_CLIENT, OAuthError.INVALID_SCOPE)) {
                errors.preRegister(grant, e.code());
            }
        }
    }

    /**
     * Tokens minted for {@code clientId} (an authenticated, registered client) with {@code grantType}: counted, and
     * logged as a security event (ids only, never a token).
     */
    public void issued(String grantType, String clientId, String subject) {
        issued.increment(grantLabel(grantType), clientId);
        LOG.infof("Token issued: grant_type=%s client_id=%s sub=%s", grantType, clientId, subject);
    }

    /** A token request that failed; {@code grantType} may be anything the client sent. */
    public void failed(String grantType, Throwable failure) {
        OAuthError error = failure instanceof OAuthException oe ? oe.error()
                : io.latchkey.common.error.Failures.toOAuth(failure).error();
        errors.increment(grantLabel(grantType), error.code());
    }

    /** A revocation recorded (after PostgreSQL, as it is announced to the gateways): counted and logged. */
    public void revoked(RevocationKind kind, String id) {
        revocations.increment(kind);
        LOG.infof("Revoked: kind=%s id=%s", kind.wire(), id);
    }

    /** A known grant type, or "unknown": the label set stays bounded whatever a client sends. */
    static String grantLabel(String grantType) {
        for (int i = 0; i < GRANT_TYPES.size(); i++) {
            if (GRANT_TYPES.get(i).equals(grantType)) {
                return GRANT_TYPES.get(i);
            }
        }
        return MetricNames.OTHER;
    }
}
