package io.latchkey.token.client;

import java.util.ArrayList;

import io.latchkey.common.OAuthParams;
import io.latchkey.common.Scopes;
import io.latchkey.common.client.ClientMetadata;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A client as the admin API and {@code /internal/clients} show it: RFC 7591 §3.2.1 (the registered metadata plus
 * {@code client_id}, {@code client_id_issued_at} and, once, {@code client_secret} with
 * {@code client_secret_expires_at: 0}: it does not expire), and Latchkey's {@code owner}, {@code operator},
 * {@code disabled}, {@code first_party}. Never the secret's hash. Hand-written JSON (no reflection).
 */
public final class ClientRegistrationJson {

    private ClientRegistrationJson() {
    }

    public static JsonObject of(Client c) {
        JsonObject json = new JsonObject()
                .put(ClientMetadata.CLIENT_ID, c.clientId())
                .put(ClientMetadata.CLIENT_NAME, c.clientName())
                .put(ClientMetadata.REDIRECT_URIS, new JsonArray(new ArrayList<>(c.redirectUris())))
                .put(ClientMetadata.GRANT_TYPES, new JsonArray(new ArrayList<>(c.grantTypes())))
                .put(ClientMetadata.RESPONSE_TYPES, c.allowsGrant(OAuthParams.GRANT_AUTHORIZATION_CODE)
                        ? new JsonArray().add("code") : new JsonArray())
                .put(ClientMetadata.TOKEN_ENDPOINT_AUTH_METHOD, c.authMethod())
                .put(ClientMetadata.SCOPE, Scopes.format(c.scopes()))
                .put(ClientMetadata.CLIENT_URI, c.homepageUri())
                .put(ClientMetadata.LOGO_URI, c.logoUri())
                .put(ClientMetadata.CONTACTS, new JsonArray(new ArrayList<>(c.contacts())))
                .put(ClientMetadata.OWNER, c.owner())
                .put(ClientMetadata.OPERATOR, c.operator())
                .put("disabled", c.disabled())
                .put("first_party", c.firstParty());
        if (c.createdAt() != null) {
            json.put(ClientMetadata.CLIENT_ID_ISSUED_AT, c.createdAt().getEpochSecond());
        }
        return json;
    }

    /** RFC 7591 §3.2.1: the answer that carries a new secret, the only time it is shown. */
    public static JsonObject withSecret(Client c, String secret) {
        JsonObject json = of(c);
        if (secret != null) {
            json.put(ClientMetadata.CLIENT_SECRET, secret).put(ClientMetadata.CLIENT_SECRET_EXPIRES_AT, 0);
            if (c.previousSecretExpiresAt() != null) {
                json.put("previous_secret_expires_at", c.previousSecretExpiresAt().getEpochSecond());
            }
        }
        return json;
    }
}
