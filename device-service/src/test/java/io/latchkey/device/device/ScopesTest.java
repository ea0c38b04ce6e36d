package io.latchkey.device.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;

class ScopesTest {

    private static final List<String> ALLOWED = List.of("openid", "db:read", "db:write");

    @Test
    void noScopeMeansEveryScopeOfTheClient() {
        assertEquals("openid db:read db:write", Scopes.resolve(null, ALLOWED));
        assertEquals("openid db:read db:write", Scopes.resolve("  ", ALLOWED));
    }

    @Test
    void aSubsetIsGrantedAsRequestedWithoutDuplicates() {
        assertEquals("db:read openid", Scopes.resolve("db:read  openid db:read", ALLOWED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"db:admin", "openid db:admin", "DB:READ", "db:read\"", "db:read\\"})
    void anythingOutsideTheClientsScopesIsInvalidScope(String requested) {
        OAuthException e = assertThrows(OAuthException.class, () -> Scopes.resolve(requested, ALLOWED));
        assertEquals(OAuthError.INVALID_SCOPE, e.error());
    }

    @Test
    void aClientWithoutScopesCannotStartAnAuthorizationWithoutAScope() {
        OAuthException e = assertThrows(OAuthException.class, () -> Scopes.resolve(null, List.of()));
        assertEquals(OAuthError.INVALID_SCOPE, e.error());
    }
}
