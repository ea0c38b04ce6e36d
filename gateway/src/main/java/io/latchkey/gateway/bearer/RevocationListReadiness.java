package io.latchkey.gateway.bearer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** A replica is ready only once it knows every published revocation (subscribed and index loaded). */
@Readiness
@ApplicationScoped
public class RevocationListReadiness implements HealthCheck {

    private final BearerProtection protection;

    public RevocationListReadiness(BearerProtection protection) {
        this.protection = protection;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Revocation list (Redis pub/sub)").status(protection.live()).build();
    }
}
