package io.latchkey.consent.authorize;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

import io.latchkey.consent.client.ClientInfo;

/** RFC 9700 §4.1.3: a redirect URI must equal a registered one exactly; native loopback URIs may vary the port. */
public final class RedirectUris {

    /** Characters a CSP source expression built from a URI may contain (no spaces, quotes or semicolons). */
    private static final Pattern CSP_SOURCE = Pattern.compile("[A-Za-z0-9.+\\-:/\\[\\]]+");

    private RedirectUris() {
    }

    public static boolean registered(ClientInfo client, String presented) {
        if (presented == null || client.redirectUris() == null) {
            return false;
        }
        for (String registered : client.redirectUris()) {
            // RFC 9700 §2.1: exact string comparison
            if (registered.equals(presented)) {
                return true;
            }
            // RFC 8252 §7.3: a native (public) client's loopback redirect may use any port
            if ("public".equals(client.clientType()) && sameLoopbackExceptPort(registered, presented)) {
                return true;
            }
        }
        return false;
    }

    static boolean sameLoopbackExceptPort(String registered, String presented) {
        try {
            URI r = new URI(registered);
            URI p = new URI(presented);
            return "http".equals(r.getScheme()) && "http".equals(p.getScheme())
                    && isLoopbackIp(r.getHost()) && r.getHost().equals(p.getHost())
                    && r.getRawUserInfo() == null && p.getRawUserInfo() == null
                    && equal(r.getRawPath(), p.getRawPath()) && equal(r.getRawQuery(), p.getRawQuery())
                    && r.getRawFragment() == null && p.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
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

    /** RFC 8252 §7.3: loopback IP literals (localhost is NOT RECOMMENDED, §8.3). */
    private static boolean isLoopbackIp(String host) {
        return "127.0.0.1".equals(host) || "[::1]".equals(host);
    }

    private static boolean equal(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
