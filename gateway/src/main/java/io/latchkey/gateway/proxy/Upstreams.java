package io.latchkey.gateway.proxy;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

import io.latchkey.common.config.ServicesConfig;
import io.latchkey.gateway.config.GatewayConfig;
import io.latchkey.gateway.routes.Service;
import io.netty.util.concurrent.MultithreadEventExecutorGroup;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/** The three upstream services, each with pooled HTTP/1.1 keep-alive clients (one per event loop, {@link Upstream}). */
public final class Upstreams {

    /**
     * Seconds a pooled connection may stay unused before the gateway closes it itself. It must be shorter than the
     * services' own keep-alive (idle) timeout, so that the gateway, not the service, closes an idle connection and
     * never sends a request on one the service is closing at that moment ({@link KeepAliveRace}): the services
     * run Quarkus' default {@code quarkus.http.idle-timeout} of 30 minutes (none of them sets it).
     */
    static final int POOL_IDLE_SECONDS = 60;

    private final Map<Service, Upstream> byService;

    private Upstreams(Map<Service, Upstream> byService) {
        this.byService = byService;
    }

    public static Upstreams connect(Vertx vertx, ServicesConfig services, GatewayConfig config) {
        Map<Service, Upstream> upstreams = new EnumMap<>(Service.class);
        upstreams.put(Service.TOKEN, connect(vertx, Service.TOKEN, services.tokenUrl(), config));
        upstreams.put(Service.DEVICE, connect(vertx, Service.DEVICE, services.deviceUrl(), config));
        upstreams.put(Service.CONSENT, connect(vertx, Service.CONSENT, services.consentUrl(), config));
        return new Upstreams(upstreams);
    }

    public Upstream get(Service service) {
        return byService.get(service);
    }

    public void close() {
        byService.values().forEach(Upstream::close);
    }

    private static Upstream connect(Vertx vertx, Service service, String baseUrl, GatewayConfig config) {
        URI url = URI.create(baseUrl);
        boolean ssl = "https".equalsIgnoreCase(url.getScheme());
        if ((!ssl && !"http".equalsIgnoreCase(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException("latchkey.services: " + service.serviceName() + " needs an http(s)://host:port URL, got " + baseUrl);
        }
        if (url.getPath() != null && !url.getPath().isEmpty() && !"/".equals(url.getPath())) {
            throw new IllegalArgumentException("latchkey.services: " + service.serviceName() + " URL must not have a path: " + baseUrl);
        }
        int port = url.getPort() > 0 ? url.getPort() : ssl ? 443 : 80;
        HttpClientOptions options = new HttpClientOptions()
                .setName("latchkey-gateway-" + service.serviceName())
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true)
                .setKeepAliveTimeout(POOL_IDLE_SECONDS)
                .setPipelining(false)
                .setSsl(ssl)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setDecompressionSupported(false);
        // latchkey.gateway.pool-size and max-wait-queue are per service, split evenly over the event loops' pools
        int loops = eventLoops(vertx);
        PoolOptions pool = new PoolOptions()
                .setHttp1MaxSize(share(config.poolSize(), loops))
                .setMaxWaitQueueSize(config.maxWaitQueue() < 0 ? -1 : share(config.maxWaitQueue(), loops));
        // the re-send after a lost keep-alive connection: one new connection per request, closed after its answer
        HttpClient fresh = vertx.createHttpClient(new HttpClientOptions(options)
                .setName("latchkey-gateway-" + service.serviceName() + "-fresh")
                .setKeepAlive(false), new PoolOptions(pool));
        RequestOptions origin = new RequestOptions()
                .setHost(url.getHost())
                .setPort(port)
                .setSsl(ssl)
                .setIdleTimeout(config.upstreamTimeout().toMillis());
        return new Upstream(service, () -> vertx.createHttpClient(options, pool), fresh, origin);
    }

    private static int eventLoops(Vertx vertx) {
        return vertx.nettyEventLoopGroup() instanceof MultithreadEventExecutorGroup group
                ? Math.max(1, group.executorCount()) : 1;
    }

    /** {@code total} split over {@code parts}, rounded up, at least 1. */
    static int share(int total, int parts) {
        return Math.max(1, (total + parts - 1) / parts);
    }
}
