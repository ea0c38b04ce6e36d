package io.latchkey.consent.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A registered OAuth client as token-service describes it (docs/internal-api.md {@code Client}). {@code firstParty}
 * is false when token-service does not send it.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientInfo(String clientId, String clientName, String clientType, List<String> redirectUris,
                         List<String> grantTypes, List<String> scopes, String homepageUri, String logoUri,
                         boolean firstParty) {

    public static final String CONFIDENTIAL = "confidential";
    public static final String PUBLIC = "public";

    /** What to show when token-service does not know the client: its id, nothing else. */
    public static ClientInfo unknown(String clientId) {
        return new ClientInfo(clientId, clientId, null, List.of(), List.of(), List.of(), null, null, false);
    }

    /** A confidential client authenticates at the token endpoint, so its identity can be verified. */
    public boolean isConfidential() {
        return CONFIDENTIAL.equals(clientType);
    }

    public boolean isPublic() {
        return PUBLIC.equals(clientType);
    }

    public String displayName() {
        return clientName == null || clientName.isBlank() ? clientId : clientName;
    }

    /** The logo, only when it is an https URL (never {@code javascript:} or {@code data:}). */
    public String safeLogoUri() {
        return logoUri != null && logoUri.startsWith("https://") ? logoUri : null;
    }

    /** The homepage, only when it is an http(s) URL. */
    public String safeHomepageUri() {
        return homepageUri != null && (homepageUri.startsWith("https://") || homepageUri.startsWith("http://"))
                ? homepageUri : null;
    }
}
