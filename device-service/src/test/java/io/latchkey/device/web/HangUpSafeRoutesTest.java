package io.latchkey.device.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Method;

import org.jboss.resteasy.reactive.server.Cancellable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Quarkus REST cancels a route's pipeline when the caller disconnects. A route that changes state in more than one
 * step must run to the end regardless: a deny cut off before Redis leaves the device polling until expiry, and a
 * poll cut off between mint and consume lets the claim lapse so a second poll gets tokens (RFC 8628 §3.5).
 */
class HangUpSafeRoutesTest {

    @ParameterizedTest
    @CsvSource({
            "io.latchkey.device.web.InternalDeviceResource, approve",
            "io.latchkey.device.web.InternalDeviceResource, deny",
            "io.latchkey.device.web.DeviceTokenResource, token"})
    void aStateChangingRouteRunsToTheEndWhenTheCallerHangsUp(String resource, String method) throws Exception {
        Method route = null;
        for (Method m : Class.forName(resource).getDeclaredMethods()) {
            if (m.getName().equals(method)) {
                route = m;
            }
        }
        assertNotNull(route, resource + "#" + method);
        Cancellable cancellable = route.getAnnotation(Cancellable.class);
        assertNotNull(cancellable, resource + "#" + method + " needs @Cancellable(false)");
        assertFalse(cancellable.value(), resource + "#" + method);
    }
}
