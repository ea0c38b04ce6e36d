package io.latchkey.gateway.limit;

/**
 * Every rate limit the gateway enforces. A route in the {@link io.latchkey.gateway.routes.RouteTable} names the
 * limits that apply to it; each is configured as {@code latchkey.rate-limit.<configName>} ({@link RateLimitConfig}).
 */
public enum Limit {

    DEVICE_AUTHORIZATION_PER_CLIENT("device-authorization-per-client", Key.CLIENT, false, true),
    DEVICE_AUTHORIZATION_PER_IP("device-authorization-per-ip", Key.IP, false, true),
    /** Every token request except RFC 8628 device_code polls, which device-service paces with slow_down. */
    TOKEN_PER_CLIENT("token-per-client", Key.CLIENT, false, true),
    /** The same per IP, and also device_code polls that carry client credentials (they cost a secret check). */
    TOKEN_PER_IP("token-per-ip", Key.IP, false, true),
    AUTHORIZE_PER_IP("authorize-per-ip", Key.IP, true, false),
    /** POST /login only: showing the form is free, submitting it is counted. */
    SIGN_IN_PER_IP("sign-in-per-ip", Key.IP, true, true),
    REVOCATION_PER_CLIENT("revocation-per-client", Key.CLIENT, false, true),
    INTROSPECTION_PER_CLIENT("introspection-per-client", Key.CLIENT, false, true);

    /** What a limit counts by. */
    public enum Key {
        /** The client_id: HTTP Basic user name, else the form's client_id (authenticated or not). */
        CLIENT,
        /** The client's IP address ({@code edge/ClientAddress}, computed once at the edge). */
        IP
    }

    private final String configName;
    private final Key key;
    private final boolean page;
    private final boolean postOnly;

    Limit(String configName, Key key, boolean page, boolean postOnly) {
        this.configName = configName;
        this.key = key;
        this.page = page;
        this.postOnly = postOnly;
    }

    /** True when only POST requests are counted (the others are 405 or free, like showing the sign-in form). */
    public boolean postOnly() {
        return postOnly;
    }

    /** The name in configuration, in Redis keys and in log lines. */
    public String configName() {
        return configName;
    }

    public Key key() {
        return key;
    }

    /** True on browser routes: a rejection is an HTML page rather than JSON. */
    public boolean page() {
        return page;
    }
}
