package io.latchkey.consent.authorize;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

import io.latchkey.consent.client.ClientInfo;

/** Redirect URIs at the authorization endpoint: registration check (RFC 9700 §4.1.3) and the CSP form-action source. */
public final class RedirectUris {

    /** Characters a CSP source expression built from a URI may contain (no spaces, quotes or semicolons). */
    private static final Pattern CSP_SOURCE = Pattern.compile("[A-Za-z0-9.+\\-:/\\[\\]]+");

    private RedirectUris() {
    }

    /** RFC 9700 §4.1.3 (one implementation, in oauth-common). */
    public static boolean registered(ClientInfo client, String presented) {
        return io.latchkey.common.RedirectUris.matches(client.redirectUris(), client.isPublic(),
                presented);
    }

    /**
     * The CSP source that lets a page's form lead to this redirect URI (a form's redirect chain is checked against
     * {@code form-action}): {@code scheme://host:port} for http(s), {@code scheme:} for a native app's own scheme.
     * Null when the URI cannot be expressed safely.
     */
    public static String formActionSource(String redirectUri) {
        try {
            URI u = new URI(redirectUri);
            String scheme = u.getScheme();
            if (scheme == null) {
                return null;
            }
            String source = ("http".equals(scheme) || "https".equals(scheme))
                    ? scheme + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
                    : scheme + ":";
            return u.getHost() == null && source.contains("//") ? null
                    : CSP_SOURCE.matcher(source).matches() ? source : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

}
