package io.latchkey.consent.authorize;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;


/** The CSP form-action source that lets a page's form lead to a client's redirect URI. */
public final class FormActionSource {

    /** Characters a CSP source expression built from a URI may contain (no spaces, quotes or semicolons). */
    private static final Pattern CSP_SOURCE = Pattern.compile("[A-Za-z0-9.+\\-:/\\[\\]]+");

    private FormActionSource() {
    }

    /**
     * The CSP source that lets a page's form lead to this redirect URI (a form's redirect chain is checked against
     * {@code form-action}): {@code scheme://host:port} for http(s), {@code scheme:} for a native app's own scheme.
     * Null when the URI cannot be expressed safely.
     */
    public static String of(String redirectUri) {
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
