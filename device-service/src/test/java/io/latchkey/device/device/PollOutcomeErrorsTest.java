package io.latchkey.device.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;

/** RFC 8628 §3.5: what each outcome of the poll decision answers the device, without Redis. */
class PollOutcomeErrorsTest {

    @ParameterizedTest(name = "{0} → {1} ({2})")
    @CsvSource({
            "PENDING,              authorization_pending, 400",
            "DENIED,               access_denied,         400",
            "EXPIRED,              expired_token,         400",
            "INVALID_GRANT,        invalid_grant,         400",
            // RFC 6749 §3.2.1: a confidential client's poll must authenticate
            "CLIENT_AUTH_REQUIRED, invalid_client,        401",
    })
    void whenThePollIsNotApprovedThenTheRfcErrorIsAnswered(PollOutcome.Kind kind, String error, int status) {
        OAuthException e = DeviceTokenGrant.toError(new PollOutcome(kind, 0, null, null, null));
        assertEquals(error, e.error().code());
        assertEquals(status, e.error().status());
        assertEquals(Map.of(), e.extra(), "only slow_down carries a member of its own");
    }

    @ParameterizedTest(name = "slow_down to {0} s carries interval {0}")
    @CsvSource({"10", "15", "60"})
    void whenThePollIsTooFastThenSlowDownCarriesTheNewInterval(int interval) {
        OAuthException e = DeviceTokenGrant.toError(PollOutcome.slowDown(interval));
        assertEquals(OAuthError.SLOW_DOWN, e.error());
        // RFC 8628 §3.5: the interval grows by 5 s; the client is told the new one
        assertEquals(Map.of("interval", interval), e.extra());
    }

    @Test
    void onlyAServerSideFailureIsRetried() {
        assertTrue(DeviceTokenGrant.isRetryable(new IllegalStateException("connection reset")));
        assertTrue(DeviceTokenGrant.isRetryable(OAuthError.TEMPORARILY_UNAVAILABLE.exception()));
        assertFalse(DeviceTokenGrant.isRetryable(OAuthError.INVALID_GRANT.exception()));
        assertFalse(DeviceTokenGrant.isRetryable(OAuthError.ACCESS_DENIED.exception()));
    }
}
