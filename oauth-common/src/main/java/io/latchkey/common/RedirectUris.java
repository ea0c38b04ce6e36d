package io.latchkey.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * RFC 9700 §4.1.3: a redirect URI must equal a registered one exactly; a native (public) client's loopback URI may
 * vary only the port. The one implementation: consent-service checks it before redirecting, token-service again
 * when it issues and redeems a code.
 */
public final class RedirectUris {

    private RedirectUris() {
    }

    public static boolean matches(List<String> registeredUris, boolean publicClient, String presented) {
        if (presented == null || registeredUris == null) {
            return false;
        }
        for (String registered : registeredUris) {
            // RFC 9700 §2.1: exact string comparison
            if (registered.equals(presented)) {
                return true;
            }
            // RFC 8252 §7.3: a native (public) client's loopback redirect may use any port
            if (publicClient && sameLoopbackExceptPort(registered, presented)) {
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

    /** RFC 8252 §7.3: loopback IP literals (localhost is NOT RECOMMENDED, §8.3). */
    private static boolean isLoopbackIp(String host) {
        return "127.0.0.1".equals(host) || "[::1]".equals(host);
    }

    private static boolean equal(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
