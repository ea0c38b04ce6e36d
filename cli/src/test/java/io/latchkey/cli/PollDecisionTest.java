package io.latchkey.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class PollDecisionTest {

    private static final Duration FIVE = Duration.ofSeconds(5);

    private static JsonNode json(String s) {
        return Json.parseOrNull(s);
    }

    private static PollDecision.Wait waitAfter(Duration interval, int failures, int status, String body, Optional<Duration> retryAfter) {
        return assertInstanceOf(PollDecision.Wait.class, PollDecision.after(interval, failures, status, json(body), retryAfter));
    }

    @Test
    void authorizationPendingPollsAgainAtTheInterval() {
        PollDecision.Wait w = waitAfter(FIVE, 0, 400, "{\"error\":\"authorization_pending\"}", Optional.empty());
        assertEquals(FIVE, w.interval());
        assertEquals(FIVE, w.delay());
    }

    @Test
    void slowDownAddsFiveSecondsForThisAndEveryLaterPoll() {
        PollDecision.Wait w = waitAfter(FIVE, 0, 400, "{\"error\":\"slow_down\"}", Optional.empty());
        assertEquals(Duration.ofSeconds(10), w.interval());
        assertEquals(Duration.ofSeconds(10), w.delay());
        PollDecision.Wait again = waitAfter(w.interval(), 0, 400, "{\"error\":\"slow_down\"}", Optional.empty());
        assertEquals(Duration.ofSeconds(15), again.interval(), "every slow_down adds 5 s more");
        PollDecision.Wait pending = waitAfter(again.interval(), 0, 400, "{\"error\":\"authorization_pending\"}", Optional.empty());
        assertEquals(Duration.ofSeconds(15), pending.interval(), "the grown interval stays");
    }

    @Test
    void slowDownTakesTheServersLargerIntervalButNeverLessThanPlusFive() {
        assertEquals(Duration.ofSeconds(20),
                waitAfter(FIVE, 0, 400, "{\"error\":\"slow_down\",\"interval\":20}", Optional.empty()).interval());
        assertEquals(Duration.ofSeconds(10),
                waitAfter(FIVE, 0, 400, "{\"error\":\"slow_down\",\"interval\":3}", Optional.empty()).interval());
    }

    @Test
    void accessDeniedAndExpiredTokenStopWithTheirExitCodes() {
        PollDecision.Stop denied = assertInstanceOf(PollDecision.Stop.class,
                PollDecision.after(FIVE, 0, 400, json("{\"error\":\"access_denied\"}"), Optional.empty()));
        assertEquals(Exit.ACCESS_DENIED, denied.exitCode());
        PollDecision.Stop expired = assertInstanceOf(PollDecision.Stop.class,
                PollDecision.after(FIVE, 0, 400, json("{\"error\":\"expired_token\"}"), Optional.empty()));
        assertEquals(Exit.EXPIRED, expired.exitCode());
    }

    @Test
    void anyOtherRefusalStopsWithExitOneAndSaysWhy() {
        PollDecision.Stop s = assertInstanceOf(PollDecision.Stop.class, PollDecision.after(FIVE, 0, 400,
                json("{\"error\":\"invalid_grant\",\"error_description\":\"Unknown device code.\"}"), Optional.empty()));
        assertEquals(Exit.ERROR, s.exitCode());
        assertTrue(s.message().contains("invalid_grant: Unknown device code."), s.message());
    }

    @Test
    void retryAfterOnA503IsObeyedButNeverSoonerThanTheInterval() {
        PollDecision.Wait w = waitAfter(FIVE, 0, 503, "{\"error\":\"temporarily_unavailable\"}", Optional.of(Duration.ofSeconds(12)));
        assertEquals(Duration.ofSeconds(12), w.delay());
        assertEquals(FIVE, w.interval(), "the interval itself does not change");
        assertEquals(FIVE, waitAfter(FIVE, 0, 503, "", Optional.of(Duration.ofSeconds(1))).delay());
    }

    @Test
    void serverErrorsAndNetworkErrorsBackOffExponentiallyUpToAMinute() {
        PollDecision.Wait first = waitAfter(FIVE, 0, 502, "<html>bad gateway</html>", Optional.empty());
        assertEquals(Duration.ofSeconds(5), first.delay());
        PollDecision.Wait second = waitAfter(FIVE, first.failures(), 500, "", Optional.empty());
        assertEquals(Duration.ofSeconds(10), second.delay());
        PollDecision.Wait third = assertInstanceOf(PollDecision.Wait.class, PollDecision.afterNetworkError(FIVE, second.failures(), "refused"));
        assertEquals(Duration.ofSeconds(20), third.delay());
        PollDecision.Wait many = assertInstanceOf(PollDecision.Wait.class, PollDecision.afterNetworkError(FIVE, 30, "refused"));
        assertEquals(PollDecision.MAX_BACKOFF, many.delay());
        PollDecision.Wait recovered = waitAfter(FIVE, many.failures(), 400, "{\"error\":\"authorization_pending\"}", Optional.empty());
        assertEquals(0, recovered.failures(), "a proper answer resets the back-off");
    }

    @Test
    void jitterOnlyEverAddsAndStaysSmall() {
        Random r = new Random(7);
        for (int i = 0; i < 1000; i++) {
            Duration d = PollDecision.withJitter(FIVE, r);
            assertTrue(d.compareTo(FIVE) >= 0 && d.compareTo(FIVE.plusMillis(500)) <= 0, d.toString());
            Duration big = PollDecision.withJitter(Duration.ofSeconds(60), r);
            assertTrue(big.compareTo(Duration.ofSeconds(61)) <= 0, big.toString());
        }
    }

    @Test
    void theIntervalDefaultsToFiveSecondsWhenTheServerNamesNone() {
        assertEquals(FIVE, PollDecision.initialInterval(json("{\"device_code\":\"x\"}")));
        assertEquals(Duration.ofSeconds(7), PollDecision.initialInterval(json("{\"interval\":7}")));
        assertEquals(FIVE, PollDecision.initialInterval(json("{\"interval\":\"soon\"}")));
    }

    @Test
    void tokensEndThePolling() {
        assertInstanceOf(PollDecision.Tokens.class,
                PollDecision.after(FIVE, 0, 200, json("{\"access_token\":\"a\",\"token_type\":\"Bearer\"}"), Optional.empty()));
    }

    @Test
    void retryAfterReadsSecondsAndHttpDatesAndIgnoresGarbage() {
        java.time.Instant now = java.time.Instant.parse("2026-12-01T10:00:00Z");
        assertEquals(Optional.of(Duration.ofSeconds(3)), RetryAfter.parse("3", now));
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfter.parse("Tue, 01 Dec 2026 10:00:30 GMT", now));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Tue, 01 Dec 2026 09:00:00 GMT", now));
        assertEquals(Optional.of(RetryAfter.MAX), RetryAfter.parse("999999", now));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", now));
        assertEquals(Optional.empty(), RetryAfter.parse("-1", now));
    }
}
