package io.latchkey.common.path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathTest {

    @ParameterizedTest(name = "{0} is accepted")
    @ValueSource(strings = {"/", "/login", "/oauth/token", "/account/", "/internal/device/user-codes/BCDF-GHJK/approve",
            "/internal/clients/latchkey-cli", "/device/%E2%9C%93", "/a%20b", "/q/health/ready", "/a/b.c/d..e", "/.well-known/oauth-authorization-server"})
    void whenThePathHasOneReadingThenItIsAccepted(String path) {
        assertNull(RequestPath.problem(path), path);
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {
            "/%69nternal/tokens", "/%49NTERNAL/tokens", "/%2e/internal/tokens", "/%2E%2E/internal", "/./internal/tokens",
            "/x/../internal/tokens", "//internal/tokens", "/internal//tokens", "/internal;x=1/tokens", "/internal/tokens;",
            "/internal%3bx/tokens", "%2finternal/tokens", "/%2finternal/tokens", "/account%2f..%2finternal", "/%5cinternal",
            "/\\internal", "/%252e/internal", "/%25%36%39nternal", "/internal%00/tokens", "/internal\u0000/tokens",
            "/internal/tokens%", "/internal/tokens%4", "/internal/%zz", "/%7einternal", "/a b", "/internal/\u00e9",
            "/internal\t/tokens", "internal/tokens", "", "*", "/..", "/."})
    void whenThePathCouldBeReadTwoWaysThenItIsRefused(String path) {
        assertNotNull(RequestPath.problem(path), path);
    }

    @ParameterizedTest(name = "{0} looks internal")
    @ValueSource(strings = {"/internal/tokens", "/INTERNAL/tokens", "/Internal/x", "/internal./x", "/internal../x",
            "/internal%20/x", "/%69nternal/x", "/%2569nternal/x", "//internal/x", "/internal;x=1/y", "/internal"})
    void whenTheFirstSegmentDecodesToInternalThenItIsInternal(String path) {
        assertTrue(RequestPath.isInternal(path), path);
    }

    @ParameterizedTest(name = "{0} is not internal")
    @ValueSource(strings = {"/login", "/internals/x", "/api/internal/x", "/xinternal", "/"})
    void whenTheFirstSegmentIsSomethingElseThenItIsNotInternal(String path) {
        assertFalse(RequestPath.isInternal(path), path);
    }
}
