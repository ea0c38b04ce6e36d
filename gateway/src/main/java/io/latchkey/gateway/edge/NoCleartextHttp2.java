package io.latchkey.gateway.edge;

import jakarta.inject.Singleton;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;

/**
 * No HTTP/2 over cleartext (h2c, RFC 7540 §3.2, removed from RFC 9113): a proxy in front of the gateway that passes
 * {@code Upgrade: h2c} on would otherwise hand the client a connection of its own to the gateway, past whatever that
 * proxy checks on each request (h2c smuggling), and its requests would skip the HTTP/1.1 framing checks of
 * {@link WellFormedHeaders}. HTTP/2 over TLS (ALPN) is unaffected.
 */
@Singleton
public class NoCleartextHttp2 implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }
}
