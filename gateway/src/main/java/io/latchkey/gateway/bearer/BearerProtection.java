package io.latchkey.gateway.bearer;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.latchkey.common.OAuthParams;
import io.latchkey.common.config.ServicesConfig;
import io.latchkey.common.revocation.RevocationList;
import io.latchkey.gateway.config.GatewayConfig;
import io.latchkey.gateway.config.GatewayServiceConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.redis.client.Redis;

/**
 * Everything the gateway needs to protect {@code /api/...} routes, built once per replica: the cached JWKS, the
 * in-memory revocation list, its Redis feed and its source of truth (token-service {@code /internal/revocations}).
 */
@ApplicationScoped
public class BearerProtection {

    private static final long JWKS_TIMEOUT_MILLIS = 2000;

    @Inject
    Vertx vertx;

    @Inject
    Redis redis;

    /** The issuer and audience every access token must carry, the internal secret, the Redis key prefix. */
    @Inject
    GatewayServiceConfig config;

    @Inject
    ServicesConfig services;

    @Inject
    GatewayConfig gateway;

    private HttpClient http;
    private Jwks jwks;
    private DenyListFeed feed;
    private Verification verification;
    private long jwksTimer = -1;

    void start(@Observes StartupEvent event) {
        URI tokenService = URI.create(services.tokenUrl());
        boolean ssl = "https".equalsIgnoreCase(tokenService.getScheme());
        http = vertx.createHttpClient(new HttpClientOptions().setName("latchkey-gateway-jwks").setSsl(ssl)
                .setConnectTimeout((int) JWKS_TIMEOUT_MILLIS).setKeepAlive(true));
        RequestOptions jwksRequest = new RequestOptions().setMethod(HttpMethod.GET)
                .setHost(tokenService.getHost())
                .setPort(tokenService.getPort() > 0 ? tokenService.getPort() : ssl ? 443 : 80)
                .setSsl(ssl)
                .setURI("/oauth/jwks")
                .setIdleTimeout(JWKS_TIMEOUT_MILLIS);
        jwks = new Jwks(() -> fetch(jwksRequest), () -> System.nanoTime() / 1_000_000,
                gateway.jwksMinRefetchInterval().toMillis());
        RequestOptions revocationsRequest = new RequestOptions(jwksRequest).setURI("/internal/revocations")
                .putHeader(OAuthParams.INTERNAL_AUTH_HEADER, config.internal().secret());
        DenyList denyList = new DenyList(System::currentTimeMillis);
        feed = new DenyListFeed(vertx, redis, denyList, config.redis().keyPrefix(),
                () -> fetch(revocationsRequest).map(RevocationList::fromJson),
                config.token().accessTtl().plusSeconds(60).toMillis(),
                gateway.revocationsReloadInterval().toMillis());
        verification = new Verification(jwks, denyList, config.issuer(), config.token().audience(),
                gateway.clockLeeway().toSeconds(), () -> System.currentTimeMillis() / 1000);
        feed.start();
        jwks.refresh(); // early, so the first request rarely waits; failures are retried on demand
        jwksTimer = vertx.setPeriodic(gateway.jwksRefreshInterval().toMillis(), id -> jwks.refresh());
    }

    void stop(@Observes ShutdownEvent event) {
        if (jwksTimer >= 0) {
            vertx.cancelTimer(jwksTimer);
        }
        if (feed != null) {
            feed.stop();
        }
        if (http != null) {
            http.close();
        }
    }

    public Verification verification() {
        return verification;
    }

    /** True while every published revocation is known to this replica. */
    public boolean live() {
        return feed != null && feed.live();
    }

    private Future<Buffer> fetch(RequestOptions request) {
        return http.request(request)
                .compose(req -> req.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture(new IllegalStateException(request.getURI() + " answered " + response.statusCode())));
    }
}
