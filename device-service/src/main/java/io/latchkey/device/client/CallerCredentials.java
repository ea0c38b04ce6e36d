package io.latchkey.device.client;

/** Who the caller says it is: a client_id and, for confidential clients, a secret (null when public). */
public record CallerCredentials(String clientId, String clientSecret) {

    public boolean hasSecret() {
        return clientSecret != null;
    }

    @Override
    public String toString() {
        return "CallerCredentials[clientId=" + clientId + ", clientSecret=" + (hasSecret() ? "***" : "null") + "]";
    }
}
