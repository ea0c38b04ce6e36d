package io.latchkey.consent.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.latchkey.common.contract.SessionInfo;
import io.latchkey.consent.audit.Origin;

/** The {@code session} member of consent-service's code request carries only what token-service accepts. */
class CodeSessionTest {

    @Test
    void theBrowsersUserAgentAndAddressBecomeTheSession() {
        assertEquals(new SessionInfo("Firefox/133.0", "203.0.113.9", null),
                AuthorizationCodes.session(new Origin("203.0.113.9", "Firefox/133.0")));
        assertEquals(new SessionInfo(null, "2001:db8::1", null), AuthorizationCodes.session(new Origin("2001:db8::1", null)));
    }

    @Test
    void anAddressThatIsNoIpLiteralIsLeftOut() {
        // CallerAddress answers "unknown" without a socket peer; token-service would refuse it
        assertNull(AuthorizationCodes.session(new Origin("unknown", "curl/8.5")).ip());
        assertNull(AuthorizationCodes.session(null));
    }
}
