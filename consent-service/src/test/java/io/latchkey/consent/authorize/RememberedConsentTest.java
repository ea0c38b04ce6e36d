package io.latchkey.consent.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.latchkey.consent.authorize.RememberedConsent.Outcome;
import io.latchkey.common.contract.ClientInfo;
import io.latchkey.consent.grant.Grant;

class RememberedConsentTest {

    @ParameterizedTest(name = "{0} first-party={1}, granted [{2}], asked [{3}] → {4}")
    @CsvSource({
            // RFC 6749 §10.2: a confidential client authenticates, so its consent may be remembered
            "confidential, false, profile db:read, db:read,          SKIP_PAGE",
            "confidential, false, profile db:read, profile db:read,  SKIP_PAGE",
            "confidential, false, db:read,         db:read db:write, ASK",
            "confidential, false, ,                db:read,          ASK",
            // RFC 8252 §8.6: a public client's identity cannot be verified: it is asked every time
            "public,       false, profile db:read, db:read,          ASK_AGAIN",
            "public,       false, db:read,         db:write,         ASK",
            "public,       false, ,                db:read,          ASK",
            // unless an operator vouches for it
            "public,       true,  profile db:read, db:read,          SKIP_PAGE",
            "public,       true,  db:read,         db:write,         ASK",
            // a client token-service does not know is never remembered
            ",             true,  db:read,         db:read,          ASK_AGAIN",
    })
    void whenToSkipTheConsentPage(String type, boolean firstParty, String granted, String asked, Outcome expected) {
        ClientInfo client = new ClientInfo("c", "C", type, List.of(), List.of(), List.of(), null, null, firstParty);
        assertEquals(expected, RememberedConsent.of(client, granted == null ? null : grant(granted), asked));
    }

    private static Grant grant(String scopes) {
        Grant g = new Grant();
        g.id = UUID.randomUUID();
        g.scopes = scopes;
        return g;
    }
}
