package io.latchkey.consent.authorize;

import io.latchkey.common.contract.ClientInfo;
import io.latchkey.consent.grant.Grant;
import io.latchkey.common.Scopes;
import io.latchkey.consent.user.OperatorRole;

/** Whether a past approval may stand in for the consent page of a new authorization request. */
public final class RememberedConsent {

    /** What to do with a request, given the user's active grant to its client. */
    public enum Outcome {
        /** Nothing approved before that covers the request: ask. */
        ASK,
        /** Approved before, but the client cannot prove it is that app: ask again, and say so. */
        ASK_AGAIN,
        /** Approved before, to a client whose identity is verified: issue a code without a page. */
        SKIP_PAGE
    }

    private RememberedConsent() {
    }

    /**
     * RFC 6749 §10.2 and RFC 8252 §8.6: repeated requests are auto-approved only for clients whose identity can be
     * verified — confidential clients (they authenticate to redeem the code) and public clients an operator has
     * marked first-party. Any local program can send a public client's client_id on some loopback port.
     */
    public static boolean mayRemember(ClientInfo client) {
        return client.isConfidential() || (client.isPublic() && client.firstParty());
    }

    /** {@code active} is the user's active grant to the client or null; {@code scope} the request's effective scope. */
    public static Outcome of(ClientInfo client, Grant active, String scope) {
        if (active == null || !Scopes.parse(active.scopes).containsAll(Scopes.parse(scope))) {
            return Outcome.ASK;
        }
        // issue 12: admin is never granted without the page showing it
        return mayRemember(client) && !OperatorRole.asksForAdmin(scope) ? Outcome.SKIP_PAGE : Outcome.ASK_AGAIN;
    }
}
