package io.latchkey.device.device;

/** The result of recording the user's approve/deny decision on a user code. */
public enum Decision {
    DONE,
    /** Unknown or expired user code. */
    NOT_FOUND,
    /** The authorization was already approved or denied (user codes are single use). */
    CONFLICT,
    /** The approved scope is not part of what the device asked for. */
    INVALID_SCOPE
}
