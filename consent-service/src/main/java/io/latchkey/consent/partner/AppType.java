package io.latchkey.consent.partner;

import java.util.List;

import io.latchkey.common.OAuthParams;
import io.latchkey.common.client.ClientMetadataRules;

/**
 * What kind of app a partner builds decides how its client is registered: whether it can keep a secret (RFC 6749
 * §2.1: confidential or public), which grants it uses, and whether it has redirect URIs.
 */
public enum AppType {
    /** A web app with a back end: confidential, authorization code (+ refresh), https redirect URIs. */
    WEB("web", "Web app (server-side)", ClientMetadataRules.AUTH_BASIC,
            List.of(OAuthParams.GRANT_AUTHORIZATION_CODE, OAuthParams.GRANT_REFRESH_TOKEN), true),
    /** RFC 8252: a native app is a public client: authorization code with PKCE, loopback or private-scheme URIs. */
    NATIVE("native", "Native app (desktop or mobile)", ClientMetadataRules.AUTH_NONE,
            List.of(OAuthParams.GRANT_AUTHORIZATION_CODE, OAuthParams.GRANT_REFRESH_TOKEN), true),
    /** RFC 8628 §5.6: a CLI or input-constrained device is a public client using the device grant. */
    DEVICE("device", "Command-line tool or device", ClientMetadataRules.AUTH_NONE,
            List.of(OAuthParams.GRANT_DEVICE_CODE, OAuthParams.GRANT_REFRESH_TOKEN), false),
    /** RFC 6749 §4.4: a back-end service acting for itself: confidential, client credentials only. */
    SERVICE("service", "Back-end service", ClientMetadataRules.AUTH_BASIC,
            List.of(OAuthParams.GRANT_CLIENT_CREDENTIALS), false);

    private final String wire;
    private final String label;
    private final String authMethod;
    private final List<String> grantTypes;
    private final boolean redirects;

    AppType(String wire, String label, String authMethod, List<String> grantTypes, boolean redirects) {
        this.wire = wire;
        this.label = label;
        this.authMethod = authMethod;
        this.grantTypes = grantTypes;
        this.redirects = redirects;
    }

    public static AppType of(String wire) {
        for (AppType t : values()) {
            if (t.wire.equals(wire)) {
                return t;
            }
        }
        return null;
    }

    public String wire() {
        return wire;
    }

    public String label() {
        return label;
    }

    public String authMethod() {
        return authMethod;
    }

    public List<String> grantTypes() {
        return grantTypes;
    }

    /** Whether the app has redirect URIs (the authorization code grant). */
    public boolean redirects() {
        return redirects;
    }

    public boolean confidential() {
        return !ClientMetadataRules.AUTH_NONE.equals(authMethod);
    }
}
