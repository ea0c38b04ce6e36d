package io.latchkey.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.net.ConnectException;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The error model's mapping rules, without a server: codes, statuses, headers, failures. */
class ErrorMappingTest {

    @ParameterizedTest(name = "{0} reads back from its wire code")
    @EnumSource(value = OAuthError.class, names = "ACCESS_FORBIDDEN", mode = EnumSource.Mode.EXCLUDE)
    void everyCodeReadsBackToItsValue(OAuthError error) {
        assertSame(error, OAuthError.fromCode(error.code()));
    }

    @Test
    void aJsonApisAccessDeniedIs403WithTheRfcCodeAndReadsBackAsTheRfcValue() {
        // RFC 6749 §4.1.2.1 names access_denied; a JSON API refusing a known caller answers it with 403 (RFC 9110 §15.5.4)
        assertEquals("access_denied", OAuthError.ACCESS_FORBIDDEN.code());
        assertEquals(403, OAuthError.ACCESS_FORBIDDEN.status());
        assertEquals(400, OAuthError.ACCESS_DENIED.status());
        assertSame(OAuthError.ACCESS_DENIED, OAuthError.fromCode("access_denied"));
        assertEquals("{\"error\":\"access_denied\",\"error_description\":\"d\"}",
                ErrorBody.json(OAuthError.ACCESS_FORBIDDEN.with("d")));
    }

    @ParameterizedTest(name = "\"{0}\" is no Latchkey error")
    @CsvSource(value = {"NULL", "''", "INVALID_REQUEST", "invalid-request", "interaction_required"}, nullValues = "NULL")
    void anUnknownCodeIsNull(String code) {
        assertNull(OAuthError.fromCode(code));
    }

    @ParameterizedTest(name = "{0} answers {1}, WWW-Authenticate {2}, Retry-After {3}")
    @CsvSource(value = {
            // RFC 6749 §5.2: 401 invalid_client with a challenge
            "INVALID_CLIENT,          401, 'Basic realm=\"latchkey\"', NULL",
            "INVALID_REQUEST,         400, NULL,                       NULL",
            "INVALID_GRANT,           400, NULL,                       NULL",
            // RFC 6749 §4.1.2.1 / RFC 9110 §10.2.3: unavailable, retry after a second
            "TEMPORARILY_UNAVAILABLE, 503, NULL,                       1",
            "SERVER_ERROR,            500, NULL,                       NULL",
            "INSUFFICIENT_SCOPE,      403, NULL,                       NULL",
            "LOGIN_REQUIRED,          401, NULL,                       NULL",
            // RFC 6749 §4.1.2.1 access_denied: 400 at the OAuth endpoints, 403 from a JSON API
            "ACCESS_DENIED,           400, NULL,                       NULL",
            "ACCESS_FORBIDDEN,        403, NULL,                       NULL",
    }, nullValues = "NULL")
    void eachErrorTravelsWithItsStatusAndHeaders(OAuthError error, int status, String challenge, String retryAfter) {
        Response r = OAuthExceptionMapper.toResponse(error.with("d"));
        assertEquals(status, r.getStatus());
        assertEquals(challenge, r.getHeaderString("WWW-Authenticate"));
        assertEquals(retryAfter, r.getHeaderString("Retry-After"));
        // RFC 6749 §5.1: never cached
        assertEquals("no-store", r.getHeaderString("Cache-Control"));
    }

    @Test
    void aBackendOutageIsTemporarilyUnavailableAndAnythingElseIsServerError() {
        assertEquals(OAuthError.TEMPORARILY_UNAVAILABLE,
                Failures.toOAuth(new IOException("wrapped", new ConnectException("Connection refused"))).error());
        assertEquals(OAuthError.SERVER_ERROR, Failures.toOAuth(new IllegalStateException("bug")).error());
        OAuthException answer = OAuthError.INVALID_SCOPE.with("kept");
        assertSame(answer, Failures.toOAuth(answer));
    }
}
