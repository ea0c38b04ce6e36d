package io.latchkey.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    @ParameterizedTest(name = "requested [{0}] of [{1}] → {2}")
    @CsvSource(value = {
            // RFC 6749 §3.3: absent scope → the pre-defined default (never openid / offline_access)
            "NULL,                  openid db:read,         db:read",
            "'',                    db:read db:write,       db:read db:write",
            "NULL,                  openid offline_access,  invalid_scope",
            // RFC 6749 §3.3: a subset is granted as asked, duplicates folded, order kept
            "db:write db:read,      db:read db:write,       db:write db:read",
            "' db:read  db:read ',  db:read,                db:read",
            // RFC 6749 §3.3: case-sensitive, within the registration only
            "DB:READ,               db:read,                invalid_scope",
            "db:read admin,         db:read,                invalid_scope",
            // RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
            "db:réad,               db:réad,                invalid_scope",
    }, nullValues = "NULL")
    void whenAGrantStartsFromAClientsRequestThenTheOneScopeRuleDecides(String requested, String allowed, String outcome) {
        List<String> registered = List.of(allowed.split(" "));
        if ("invalid_scope".equals(outcome)) {
            OAuthException e = assertThrows(OAuthException.class, () -> Scopes.granted(requested, registered));
            assertEquals(OAuthError.INVALID_SCOPE, e.error());
            assertEquals(400, e.error().status());
        } else {
            assertEquals(outcome, Scopes.resolve(requested, registered));
            assertEquals(List.of(outcome.split(" ")), List.copyOf(Scopes.granted(requested, registered)));
        }
    }

    @ParameterizedTest(name = "explicit [{0}] of [{1}] → {2}")
    @CsvSource(value = {
            // a peer resolved the default already: nothing is added here, an empty scope stays empty
            "NULL,             db:read,          ''",
            "db:read,          db:read db:write, db:read",
            "db:read db:write, db:read,          invalid_scope",
            "db\\read,       db:read,          invalid_scope",
    }, nullValues = "NULL")
    void whenAPeerSendsAnExplicitScopeThenOnlyTheSubsetRuleApplies(String scope, String allowed, String outcome) {
        List<String> registered = List.of(allowed.split(" "));
        if ("invalid_scope".equals(outcome)) {
            assertEquals(OAuthError.INVALID_SCOPE,
                    assertThrows(OAuthException.class, () -> Scopes.within(scope, registered)).error());
        } else {
            assertEquals(outcome, Scopes.format(Scopes.within(scope, registered)));
        }
    }
}
