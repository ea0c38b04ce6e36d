package io.latchkey.gateway.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.latchkey.gateway.limit.Limit;

/** The route table is the one place that says which limits count which route. */
class RouteLimitsTest {

    private static Route route(String path) {
        return RouteTable.ROUTES.stream().filter(r -> r.path().equals(path)).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "/oauth/device_authorization | DEVICE_AUTHORIZATION_PER_CLIENT DEVICE_AUTHORIZATION_PER_IP",
            "/oauth/token | TOKEN_PER_CLIENT TOKEN_PER_IP",
            "/oauth/authorize | AUTHORIZE_PER_IP",
            "/login | SIGN_IN_PER_IP",
            "/oauth/revoke | REVOCATION_PER_CLIENT",
            "/oauth/introspect | INTROSPECTION_PER_CLIENT"})
    void eachAbusableRouteNamesItsLimits(String path, String limits) {
        List<Limit> expected = java.util.Arrays.stream(limits.split(" ")).map(Limit::valueOf).toList();
        assertEquals(expected, route(path).limits());
    }

    @Test
    void everyLimitIsUsedByExactlyOneRoute() {
        Set<Limit> seen = EnumSet.noneOf(Limit.class);
        for (Route route : RouteTable.ROUTES) {
            for (Limit limit : route.limits()) {
                assertTrue(seen.add(limit), limit + " is named twice");
            }
        }
        assertEquals(EnumSet.allOf(Limit.class), seen);
    }

    @Test
    void pagesAndTheApiCarryNoGatewayLimit() {
        assertTrue(route("/").limits().isEmpty());
        assertTrue(route("/api/v1/me").limits().isEmpty());
        assertTrue(route("/oauth/jwks").limits().isEmpty());
    }
}
