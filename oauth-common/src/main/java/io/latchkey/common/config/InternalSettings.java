package io.latchkey.common.config;

/** {@code latchkey.internal.*}. */
public interface InternalSettings {

    /**
     * Shared secret on every {@code /internal/} call ({@code X-Latchkey-Internal}, env LATCHKEY_INTERNAL_SECRET);
     * opens nothing else. Required: a service does not start without it.
     */
    String secret();
}
