package io.latchkey.common.contract;

import io.latchkey.common.error.OAuthError;
import io.netty.util.NetUtil;

/**
 * The bounds on a {@link SessionInfo} (docs/internal-api.md, "Sessions"): the callers (device-service,
 * consent-service) keep to them, token-service checks them again on receipt and answers 400 invalid_request otherwise.
 */
public final class SessionInfoChecks {

    private SessionInfoChecks() {
    }

    /** The problem with {@code session}, or null when it is acceptable (or absent). */
    public static String problem(SessionInfo session) {
        if (session == null) {
            return null;
        }
        if (session.userAgent() != null && session.userAgent().length() > SessionInfo.MAX_USER_AGENT) {
            return "session.user_agent is longer than " + SessionInfo.MAX_USER_AGENT + " characters.";
        }
        if (session.ip() != null && !session.ip().isEmpty() && !isIpLiteral(session.ip())) {
            return "session.ip must be an IPv4 or IPv6 address.";
        }
        String name = session.deviceName();
        if (name != null && (name.length() > SessionInfo.MAX_DEVICE_NAME || !printable(name))) {
            return "session.device_name must be at most " + SessionInfo.MAX_DEVICE_NAME + " printable characters.";
        }
        return null;
    }

    /** {@code session} as received on an internal route: null stays null, empty members become null. */
    public static SessionInfo checked(SessionInfo session) {
        String problem = problem(session);
        if (problem != null) {
            throw OAuthError.INVALID_REQUEST.with(problem);
        }
        if (session == null) {
            return null;
        }
        return new SessionInfo(emptyToNull(session.userAgent()), emptyToNull(session.ip()),
                emptyToNull(session.deviceName()));
    }

    /** A literal only: never a host name (no resolver is asked). */
    public static boolean isIpLiteral(String value) {
        return !value.isEmpty() && value.length() <= 45
                && (NetUtil.isValidIpV4Address(value) || NetUtil.isValidIpV6Address(value));
    }

    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.UNASSIGNED || Character.isSurrogate(c) && !validPair(s, i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
