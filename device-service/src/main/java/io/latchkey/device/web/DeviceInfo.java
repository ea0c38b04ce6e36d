package io.latchkey.device.web;

/** What we record about the device that asked (RFC 8628 §5.4: shown to the user at approval time). */
final class DeviceInfo {

    private static final int MAX_USER_AGENT = 512;
    private static final int MAX_IP = 64;

    private DeviceInfo() {
    }

    /** The address oauth-common's CallerAddress read (the gateway's X-Latchkey-Client-IP, or the peer), bounded. */
    static String ip(String callerAddress) {
        return callerAddress == null || "unknown".equals(callerAddress) ? null : truncate(callerAddress, MAX_IP);
    }

    static String userAgent(String userAgent) {
        return userAgent == null || userAgent.isBlank() ? null : truncate(userAgent, MAX_USER_AGENT);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
