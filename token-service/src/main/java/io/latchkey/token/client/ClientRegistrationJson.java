package io.latchkey.token.client;

import java.util.List;

import io.latchkey.common.OAuthParams;
import io.latchkey.common.Scopes;
import io.latchkey.common.contract.ClientRegistration;

/** A {@link Client} as the oauth-common contract record the admin API and {@code /internal/clients} answer with. */
public final class ClientRegistrationJson {

    private ClientRegistrationJson() {
    }

    public static ClientRegistration of(Client c) {
        return new ClientRegistration(c.clientId(), c.clientName(), List.copyOf(c.redirectUris()),
                List.copyOf(c.grantTypes()),
                c.allowsGrant(OAuthParams.GRANT_AUTHORIZATION_CODE) ? List.of("code") : List.of(),
                c.authMethod(), Scopes.format(c.scopes()), c.homepageUri(), c.logoUri(), List.copyOf(c.contacts()),
                c.owner(), c.operator(), c.disabled(), c.firstParty(),
                c.createdAt() == null ? null : c.createdAt().getEpochSecond(), null, null, null);
    }

    /** RFC 7591 §3.2.1: the answer that carries a new secret, the only time it is shown. */
    public static ClientRegistration withSecret(Client c, String secret) {
        return of(c).withSecret(secret,
                c.previousSecretExpiresAt() == null ? null : c.previousSecretExpiresAt().getEpochSecond());
    }
}
