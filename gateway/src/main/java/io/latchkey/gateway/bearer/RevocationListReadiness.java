package io.latchkey.gateway.bearer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * A replica is ready only once it knows every revocation: subscribed to the Redis channels and token-service's
 * durable list ({@code /internal/revocations}) loaded — after start and after every Redis reconnect.
 */
@Readiness
@ApplicationScoped
public class RevocationListReadiness implements HealthCheck {

    private final BearerProtection protection;

    public RevocationListReadiness(BearerProtection protection) {
        this.protection = protection;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Revocation list (token-service record + Redis pub/sub)").status(protection.live()).build();
    }
}
