package io.latchkey.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.latchkey.common.trace.RequestIds;

/** What only the log sees never reaches the client: not the JSON body, a header, nor the front-channel values. */
class LogDetailTest {

    private static final String DETAIL = "sig check failed for kid k-42 (internal detail)";

    @ParameterizedTest(name = "{0} with a log-only detail: the body, headers and redirect values carry none of it")
    @EnumSource(OAuthError.class)
    void whenAnErrorHasALogDetailThenTheClientNeverSeesIt(OAuthError error) {
        OAuthException e = error.with("What the client may read.").withLogDetail(DETAIL);
        assertEquals(DETAIL, e.logDetail());

        Response response = OAuthExceptionMapper.toResponse(e);
        assertFalse(String.valueOf(response.getEntity()).contains("k-42"), String.valueOf(response.getEntity()));
        assertFalse(ErrorBody.json(e).contains("k-42"), ErrorBody.json(e));
        response.getStringHeaders().forEach((name, values) ->
                assertFalse(values.toString().contains("k-42"), name + ": " + values));
        assertEquals(Map.of("error", error.code(), "error_description", "What the client may read."), e.redirectValues());
    }

    @Test
    void aDetailWithoutADescriptionLeavesTheDescriptionOut() {
        OAuthException e = OAuthError.INVALID_REQUEST.withLogDetail(DETAIL);
        assertNull(e.description());
        assertEquals(Map.of("error", "invalid_request"), e.redirectValues());
        assertFalse(ErrorBody.json(e).contains("k-42"));
    }

    @ParameterizedTest(name = "{0} logs its detail at {1} with the request id")
    @org.junit.jupiter.params.provider.CsvSource({"INVALID_REQUEST, INFO", "ACCESS_DENIED, INFO",
            "SERVER_ERROR, WARNING", "TEMPORARILY_UNAVAILABLE, WARNING"})
    void whenAnsweredThenTheDetailIsLoggedWithTheRequestId(OAuthError error, String level) {
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(OAuthExceptionMapper.class.getName());
        logger.addHandler(capture);
        MDC.put(RequestIds.MDC_KEY, "req-12345678");
        try {
            new OAuthExceptionMapper().oauth(error.with("shown").withLogDetail(DETAIL));
            new OAuthExceptionMapper().oauth(error.with("no detail, no line"));
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
            logger.removeHandler(capture);
        }
        assertEquals(1, records.size(), "one line, for the error with a detail");
        String line = records.get(0).getMessage() + " " + java.util.Arrays.toString(records.get(0).getParameters());
        String formatted = records.get(0).getParameters() == null ? records.get(0).getMessage()
                : String.format(records.get(0).getMessage(), records.get(0).getParameters());
        assertTrue(formatted.contains(DETAIL) && formatted.contains("req-12345678") && formatted.contains(error.code()), line);
        assertEquals(Level.parse(level), records.get(0).getLevel());
    }
}
