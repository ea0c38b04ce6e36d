package io.latchkey.common.contract;

import static io.latchkey.common.client.ClientMetadata.CLIENT_ID;
import static io.latchkey.common.client.ClientMetadata.CLIENT_ID_ISSUED_AT;
import static io.latchkey.common.client.ClientMetadata.CLIENT_NAME;
import static io.latchkey.common.client.ClientMetadata.CLIENT_SECRET;
import static io.latchkey.common.client.ClientMetadata.CLIENT_SECRET_EXPIRES_AT;
import static io.latchkey.common.client.ClientMetadata.CLIENT_URI;
import static io.latchkey.common.client.ClientMetadata.CONTACTS;
import static io.latchkey.common.client.ClientMetadata.GRANT_TYPES;
import static io.latchkey.common.client.ClientMetadata.LOGO_URI;
import static io.latchkey.common.client.ClientMetadata.OPERATOR;
import static io.latchkey.common.client.ClientMetadata.OWNER;
import static io.latchkey.common.client.ClientMetadata.REDIRECT_URIS;
import static io.latchkey.common.client.ClientMetadata.RESPONSE_TYPES;
import static io.latchkey.common.client.ClientMetadata.SCOPE;
import static io.latchkey.common.client.ClientMetadata.TOKEN_ENDPOINT_AUTH_METHOD;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A client as token-service's admin API and {@code /internal/clients} management routes show it (docs/internal-api.md):
 * RFC 7591 §3.2.1, the registered metadata (absent optional members as {@code null}) plus {@code client_id},
 * {@code client_id_issued_at} and, only in the answer that creates or rotates it, {@code client_secret} with
 * {@code client_secret_expires_at: 0} (it does not expire) and, after a rotation with overlap,
 * {@code previous_secret_expires_at}; and Latchkey's {@code owner}, {@code operator}, {@code disabled},
 * {@code first_party}. Never the secret's hash. Member names are RFC 7591's ({@code ClientMetadata}).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({CLIENT_ID, CLIENT_NAME, REDIRECT_URIS, GRANT_TYPES, RESPONSE_TYPES, TOKEN_ENDPOINT_AUTH_METHOD, SCOPE,
        CLIENT_URI, LOGO_URI, CONTACTS, OWNER, OPERATOR, ClientRegistration.DISABLED, ClientRegistration.FIRST_PARTY,
        CLIENT_ID_ISSUED_AT, CLIENT_SECRET, CLIENT_SECRET_EXPIRES_AT, ClientRegistration.PREVIOUS_SECRET_EXPIRES_AT})
@RegisterForReflection // token-service writes it with Vert.x JSON (Jackson), also in a native image
public record ClientRegistration(@JsonProperty(CLIENT_ID) String clientId,
                                 @JsonProperty(CLIENT_NAME) String clientName,
                                 @JsonProperty(REDIRECT_URIS) List<String> redirectUris,
                                 @JsonProperty(GRANT_TYPES) List<String> grantTypes,
                                 @JsonProperty(RESPONSE_TYPES) List<String> responseTypes,
                                 @JsonProperty(TOKEN_ENDPOINT_AUTH_METHOD) String tokenEndpointAuthMethod,
                                 @JsonProperty(SCOPE) String scope,
                                 @JsonProperty(CLIENT_URI) String clientUri,
                                 @JsonProperty(LOGO_URI) String logoUri,
                                 @JsonProperty(CONTACTS) List<String> contacts,
                                 @JsonProperty(OWNER) String owner,
                                 @JsonProperty(OPERATOR) boolean operator,
                                 @JsonProperty(DISABLED) boolean disabled,
                                 @JsonProperty(FIRST_PARTY) boolean firstParty,
                                 @JsonProperty(CLIENT_ID_ISSUED_AT) @JsonInclude(JsonInclude.Include.NON_NULL) Long clientIdIssuedAt,
                                 @JsonProperty(CLIENT_SECRET) @JsonInclude(JsonInclude.Include.NON_NULL) String clientSecret,
                                 @JsonProperty(CLIENT_SECRET_EXPIRES_AT) @JsonInclude(JsonInclude.Include.NON_NULL) Long clientSecretExpiresAt,
                                 @JsonProperty(PREVIOUS_SECRET_EXPIRES_AT) @JsonInclude(JsonInclude.Include.NON_NULL) Long previousSecretExpiresAt) {

    public static final String DISABLED = "disabled";
    public static final String FIRST_PARTY = "first_party";
    public static final String PREVIOUS_SECRET_EXPIRES_AT = "previous_secret_expires_at";

    /**
     * RFC 7591 §3.2.1: this registration with a secret just issued, the only time it is shown ({@code null}: none);
     * {@code client_secret_expires_at} 0: it does not expire.
     */
    public ClientRegistration withSecret(String secret, Long previousExpiresAt) {
        if (secret == null) {
            return this;
        }
        return new ClientRegistration(clientId, clientName, redirectUris, grantTypes, responseTypes,
                tokenEndpointAuthMethod, scope, clientUri, logoUri, contacts, owner, operator, disabled, firstParty,
                clientIdIssuedAt, secret, 0L, previousExpiresAt);
    }

    /** A page of the listing: {@code {"clients":[…],"next_cursor":"…"|null}}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"clients", "next_cursor"})
    @RegisterForReflection
    public record Page(@JsonProperty("clients") List<ClientRegistration> clients,
                       @JsonProperty("next_cursor") String nextCursor) {
    }
}
