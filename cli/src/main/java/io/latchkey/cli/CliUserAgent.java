package io.latchkey.cli;

import java.net.InetAddress;
import java.util.Locale;

/**
 * The CLI's User-Agent (issue 13 contract item 6): {@code latchkey-cli/<version> (<os name>; <hostname>)}, so the
 * account page can tell "latchkey CLI on laptop-7 (Linux)" from the same app on another machine.
 */
final class CliUserAgent {

    static final String VERSION = "0.1.0";
    private static final int MAX_PART = 64;

    private CliUserAgent() {
    }

    /** This machine's User-Agent. */
    static String current() {
        return of(System.getProperty("os.name"), hostname());
    }

    /** RFC 9110 §10.1.5: product/version, then a comment whose parts cannot break out of it. */
    static String of(String osName, String hostname) {
        String os = part(osName);
        String host = part(hostname);
        if (os.isEmpty() && host.isEmpty()) {
            return "latchkey-cli/" + VERSION;
        }
        return "latchkey-cli/" + VERSION + " (" + (os.isEmpty() ? "unknown" : os) + "; "
                + (host.isEmpty() ? "unknown" : host) + ")";
    }

    private static String hostname() {
        String env = System.getenv(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                ? "COMPUTERNAME" : "HOSTNAME");
        if (env != null && !part(env).isEmpty()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return null;
        }
    }

    /** Printable ASCII only, without the characters that end a comment or its part: ( ) ; \ . */
    private static String part(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < MAX_PART; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '(' && c != ')' && c != ';' && c != '\\') {
                b.append(c);
            }
        }
        return b.toString().trim().replaceAll(" {2,}", " ");
    }
}
