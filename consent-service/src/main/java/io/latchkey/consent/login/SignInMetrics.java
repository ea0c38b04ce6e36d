package io.latchkey.consent.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.latchkey.common.metrics.EnumCounters;
import io.latchkey.common.metrics.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sign-in outcomes as {@code latchkey_logins_total{outcome}} and as security events at INFO (README, "Metrics",
 * "Logs"): never a password; a failed attempt names the account only by a short hash of the typed name, since
 * people type passwords into the name field too.
 */
// created at start-up, so every series is exported (at 0) before its first event
@io.quarkus.runtime.Startup
@ApplicationScoped
public class SignInMetrics {

    private static final Logger LOG = Logger.getLogger("io.latchkey.security");

    public enum Outcome {
        SUCCESS, FAILURE, THROTTLED, BUSY
    }

    private final EnumCounters<Outcome> logins;

    public SignInMetrics(MeterRegistry registry) {
        logins = new EnumCounters<>(registry, MetricNames.LOGINS, "Sign-in attempts", MetricNames.OUTCOME,
                Outcome.class, o -> o.name().toLowerCase(java.util.Locale.ROOT));
    }

    public void succeeded(UUID userId, String ip) {
        logins.increment(Outcome.SUCCESS);
        LOG.infof("Sign-in succeeded: user_id=%s ip=%s", userId, ip);
    }

    public void failed(String typedName, String ip) {
        logins.increment(Outcome.FAILURE);
        LOG.infof("Sign-in failed: account=%s ip=%s", accountHash(typedName), ip);
    }

    public void refused(Outcome outcome, String typedName, String ip) {
        logins.increment(outcome);
        LOG.infof("Sign-in not checked (%s): account=%s ip=%s", outcome.name().toLowerCase(java.util.Locale.ROOT),
                accountHash(typedName), ip);
    }

    /** The first 12 hex characters of SHA-256 of the lower-cased name: enough to follow one account in the logs. */
    static String accountHash(String typedName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(typedName.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
