package io.latchkey.common.metrics;

/**
 * Every Latchkey metric and label name, defined once (README, "Metrics"). Prometheus adds {@code _total} to a
 * counter's name: {@code latchkey.tokens.issued} is scraped as {@code latchkey_tokens_issued_total}.
 */
public final class MetricNames {

    /** Tokens minted, by grant type and client (token-service). */
    public static final String TOKENS_ISSUED = "latchkey.tokens.issued";
    /** Token-endpoint errors, by grant type and RFC error code (token-service). */
    public static final String TOKEN_ERRORS = "latchkey.token.errors";
    /** Device authorizations issued, by client (device-service, RFC 8628 §3.2). */
    public static final String DEVICE_AUTHORIZATIONS = "latchkey.device.authorizations";
    /** Device-code polls, by outcome (device-service, RFC 8628 §3.5). */
    public static final String DEVICE_POLLS = "latchkey.device.polls";
    /** Revocations recorded, by kind: grant, family, jti (token-service). */
    public static final String REVOCATIONS = "latchkey.revocations";
    /** Sign-in attempts, by outcome (consent-service). */
    public static final String LOGINS = "latchkey.logins";
    /** Requests the gateway refused over a rate limit, by route. */
    public static final String RATE_LIMITED = "latchkey.rate.limited";
    /** Gateway request durations, by route (the route table's path, never the raw path). */
    public static final String REQUESTS = "latchkey.gateway.requests";

    public static final String GRANT_TYPE = "grant_type";
    public static final String CLIENT_ID = "client_id";
    public static final String ERROR = "error";
    public static final String OUTCOME = "outcome";
    public static final String KIND = "kind";
    public static final String ROUTE = "route";
    public static final String STATUS_CLASS = "status";

    /** The label value for anything outside a bounded label set (an unknown grant type, a client over the cap). */
    public static final String OTHER = "unknown";

    private MetricNames() {
    }
}
