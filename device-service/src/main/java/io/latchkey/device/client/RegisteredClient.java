package io.latchkey.device.client;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A registered OAuth client as token-service describes it (docs/internal-api.md {@code Client}). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RegisteredClient(
        String clientId,
        String clientName,
        String clientType,
        List<String> redirectUris,
        List<String> grantTypes,
        List<String> scopes,
        String homepageUri,
        String logoUri) {

    public boolean confidential() {
        return !"public".equals(clientType);
    }

    public boolean allowsGrant(String grantType) {
        return grantTypes != null && grantTypes.contains(grantType);
    }

    public List<String> scopesOrEmpty() {
        return scopes == null ? List.of() : scopes;
    }
}
