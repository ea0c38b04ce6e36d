package io.latchkey.device.web;

import java.util.regex.Pattern;

/** What we record about the device that asked (RFC 8628 §5.4: shown to the user at approval time). */
final class DeviceInfo {

    /**
     * The stored device label's most characters: what keeps a pending record within its 300-byte budget (README,
     * "Device authorizations in Redis") with an IPv6 address and five scopes.
     */
    static final int MAX_LABEL = 56;
    private static final int MAX_IP = 64;
    /** Tokens every browser sends that say nothing about the device (the engine's compatibility claims). */
    private static final Pattern BOILERPLATE = Pattern.compile(
            "Mozilla/5\\.0 ?|AppleWebKit/\\S+ ?|\\(KHTML, like Gecko\\) ?|like Gecko ?|Gecko/\\d+ ?");
    private static final Pattern SAFARI = Pattern.compile(" ?Safari/\\S+");
    private static final Pattern MINOR_VERSION = Pattern.compile("(/\\d+)(?:\\.[\\d.]+)");

    private DeviceInfo() {
    }

    /** The address oauth-common's CallerAddress read (the gateway's X-Latchkey-Client-IP, or the peer), bounded. */
    static String ip(String callerAddress) {
        return callerAddress == null || "unknown".equals(callerAddress) ? null : truncate(callerAddress, MAX_IP);
    }

    /**
     * The device's label from its User-Agent, at most {@link #MAX_LABEL} characters: the User-Agent as sent when it
     * fits; else without the browser boilerplate (Mozilla/5.0, AppleWebKit, KHTML, Gecko, Safari's build number, and
     * Safari/ behind a Chrome-based browser), then with minor versions dropped, then cut. What names a device (browser, OS, the CLI's
     * host) survives: "(X11; Linux x86_64) Chrome/131 Edg/131".
     */
    static String userAgent(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        String label = userAgent.strip();
        if (label.length() > MAX_LABEL) {
            label = BOILERPLATE.matcher(label).replaceAll("").strip();
            // a Chrome-based browser's Safari/ token is boilerplate too; Safari's own build number says nothing
            boolean chromium = label.contains("Chrome/") || label.contains("CriOS/");
            label = SAFARI.matcher(label).replaceAll(chromium ? "" : " Safari").strip();
        }
        if (label.length() > MAX_LABEL) {
            label = MINOR_VERSION.matcher(label).replaceAll("$1");
        }
        return truncate(label.isEmpty() ? userAgent.strip() : label, MAX_LABEL);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
