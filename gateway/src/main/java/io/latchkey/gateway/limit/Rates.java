package io.latchkey.gateway.limit;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/** The configured rate of every {@link Limit}, and the per-client overrides, parsed and checked once at start-up. */
public final class Rates {

    private final Map<Limit, Rate> defaults;
    private final Map<String, Map<Limit, Rate>> perClient;

    Rates(Map<Limit, Rate> defaults, Map<String, Map<Limit, Rate>> perClient) {
        this.defaults = new EnumMap<>(defaults);
        this.perClient = Map.copyOf(perClient);
    }

    public static Rates of(RateLimitConfig config) {
        Map<Limit, Rate> defaults = new EnumMap<>(Limit.class);
        defaults.put(Limit.DEVICE_AUTHORIZATION_PER_CLIENT, Rate.parse(config.deviceAuthorizationPerClient()));
        defaults.put(Limit.DEVICE_AUTHORIZATION_PER_IP, Rate.parse(config.deviceAuthorizationPerIp()));
        defaults.put(Limit.TOKEN_PER_CLIENT, Rate.parse(config.tokenPerClient()));
        defaults.put(Limit.TOKEN_PER_IP, Rate.parse(config.tokenPerIp()));
        defaults.put(Limit.AUTHORIZE_PER_IP, Rate.parse(config.authorizePerIp()));
        defaults.put(Limit.SIGN_IN_PER_IP, Rate.parse(config.signInPerIp()));
        defaults.put(Limit.REVOCATION_PER_CLIENT, Rate.parse(config.revocationPerClient()));
        defaults.put(Limit.INTROSPECTION_PER_CLIENT, Rate.parse(config.introspectionPerClient()));
        Map<String, Map<Limit, Rate>> perClient = new HashMap<>();
        config.clients().forEach((clientId, overrides) -> perClient.put(clientId, overrides(clientId, overrides)));
        return new Rates(defaults, perClient);
    }

    static Map<Limit, Rate> overrides(String clientId, Map<String, String> specs) {
        Map<Limit, Rate> rates = new EnumMap<>(Limit.class);
        specs.forEach((name, spec) -> {
            Limit limit = byName(name);
            if (limit == null || limit.key() != Limit.Key.CLIENT) {
                throw new IllegalArgumentException("latchkey.rate-limit.clients.\"" + clientId + "\"." + name
                        + ": not a per-client limit");
            }
            rates.put(limit, Rate.parse(spec));
        });
        return rates;
    }

    private static Limit byName(String name) {
        for (Limit limit : Limit.values()) {
            if (limit.configName().equals(name)) {
                return limit;
            }
        }
        return null;
    }

    /** The rate of {@code limit}, for {@code clientId} when the limit counts per client (null: the default). */
    public Rate of(Limit limit, String clientId) {
        if (clientId != null && limit.key() == Limit.Key.CLIENT) {
            Map<Limit, Rate> overrides = perClient.get(clientId);
            Rate override = overrides == null ? null : overrides.get(limit);
            if (override != null) {
                return override;
            }
        }
        return defaults.get(limit);
    }
}
