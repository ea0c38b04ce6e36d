package io.latchkey.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;

class ScopesResolveTest {

    private static final List<String> ALLOWED = List.of("openid", "db:read", "db:write");

    @Test
    void noScopeMeansEveryScopeOfTheClientButTheOpenIdScopesItMustAskFor() {
        // OIDC Core §3.1.2.1 / §11: openid and offline_access are never granted by default
        assertEquals("db:read db:write", Scopes.resolve(null, ALLOWED));
        assertEquals("db:read db:write", Scopes.resolve("  ", ALLOWED));
        assertEquals("profile db:read", Scopes.resolve(null, List.of("openid", "profile", "email", "offline_access",
                "db:read")));
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
