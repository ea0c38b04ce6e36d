package io.latchkey.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class RetryAfterTest {

    @Test
    void aRateLimitedAnswerIs429WithTheRetryAfterItCarries() {
        Response r = OAuthExceptionMapper.toResponse(OAuthError.TOO_MANY_REQUESTS.with("slow").withRetryAfter(42));
        assertEquals(429, r.getStatus());
        assertEquals("42", r.getHeaderString("Retry-After"));
        assertEquals("too_many_requests", ErrorBody.of(OAuthError.TOO_MANY_REQUESTS.exception()).get("error"));
    }

    @Test
    void temporarilyUnavailableStillSaysOneSecondAndOtherErrorsSayNothing() {
        assertEquals("1", OAuthExceptionMapper.toResponse(OAuthError.TEMPORARILY_UNAVAILABLE.exception())
                .getHeaderString("Retry-After"));
        assertNull(OAuthExceptionMapper.toResponse(OAuthError.INVALID_REQUEST.exception()).getHeaderString("Retry-After"));
    }
}
