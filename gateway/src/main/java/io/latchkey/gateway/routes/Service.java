package io.latchkey.gateway.routes;

/** The services the gateway forwards to; each owns its own state (DESIGN.md, "Services and what each one owns"). */
public enum Service {
    TOKEN("token-service"),
    DEVICE("device-service"),
    CONSENT("consent-service");

    private final String serviceName;

    Service(String serviceName) {
        this.serviceName = serviceName;
    }

    /** The name used in URLs and logs, e.g. {@code token-service}. */
    public String serviceName() {
        return serviceName;
    }
}
