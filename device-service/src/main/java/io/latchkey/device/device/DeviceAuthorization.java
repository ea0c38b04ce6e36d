package io.latchkey.device.device;

/**
 * A device authorization as the verification side sees it. Codes are never part of it: the store only knows
 * their hashes. Times are epoch milliseconds.
 */
public record DeviceAuthorization(
        String clientId,
        String scope,
        Status status,
        long requestedAt,
        long expiresAt,
        int interval,
        String deviceIp,
        String userAgent,
        boolean confidentialClient) {
}
