package io.latchkey.token.client;

/** RFC 9700 §4.1.3 for a registered client: see {@link io.latchkey.common.RedirectUris}. */
public final class RedirectUris {

    private RedirectUris() {
    }

    public static boolean registered(Client client, String presented) {
        return io.latchkey.common.RedirectUris.matches(client.redirectUris(), client.isPublic(), presented);
    }
}
