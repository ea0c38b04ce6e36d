import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The "bare limit" of bench/side-by-side.sh: the least a one-hop HTTP/1.1 proxy in Vert.x does, to compare the
 * gateway's poll path with. One verticle per event loop (as many as cores), each with its own keep-alive client
 * pool on its own event loop; the request body is read whole (as the gateway does, to route by grant_type), then
 * sent upstream with its Content-Type and Authorization; the answer goes back with its status, Content-Type,
 * Cache-Control and body. No routing, no checks, no rate limits, no logging. It runs on the transport the services
 * run on (Netty's epoll where the gateway's jars bring it; -Dquarkus.vertx.prefer-native-transport=false for NIO, as
 * for the services), so the comparison measures the gateway's own work, not a transport.
 *
 * Run with the gateway's own jars (Vert.x and Netty as the services use them), source-file mode of Java 11+:
 *   java -cp 'gateway/target/quarkus-app/lib/main/*' bench/sbs/BareProxy.java PORT UPSTREAM_HOST UPSTREAM_PORT
 */
public class BareProxy extends AbstractVerticle {

    private final String upstreamHost;
    private final int upstreamPort;
    private final int port;

    BareProxy(int port, String upstreamHost, int upstreamPort) {
        this.port = port;
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
    }

    @Override
    public void start() {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(64));
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port).setTcpNoDelay(true))
                .requestHandler(in -> in.body().onSuccess(body -> {
                    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
                    copy(in.headers(), headers, HttpHeaders.CONTENT_TYPE, HttpHeaders.AUTHORIZATION);
                    RequestOptions out = new RequestOptions().setMethod(in.method()).setHost(upstreamHost)
                            .setPort(upstreamPort).setURI(in.uri()).setHeaders(headers);
                    client.request(out)
                            .compose(req -> req.send(body))
                            .compose(res -> res.body().map(b -> {
                                var reply = in.response().setStatusCode(res.statusCode());
                                copy(res.headers(), reply.headers(), HttpHeaders.CONTENT_TYPE, HttpHeaders.CACHE_CONTROL);
                                return reply.end(b);
                            }))
                            .onFailure(e -> in.response().setStatusCode(502).end());
                }).onFailure(e -> in.response().setStatusCode(400).end()))
                .listen()
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }

    private static void copy(MultiMap from, MultiMap to, CharSequence... names) {
        for (CharSequence name : names) {
            String value = from.get(name);
            if (value != null) {
                to.set(name, value);
            }
        }
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        String host = args[1];
        int upstream = Integer.parseInt(args[2]);
        int loops = Runtime.getRuntime().availableProcessors();
        boolean preferNative = Boolean.parseBoolean(System.getProperty("quarkus.vertx.prefer-native-transport", "true"));
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(preferNative));
        String transport = vertx.isNativeTransportEnabled() ? "epoll" : "nio";
        vertx.deployVerticle(() -> new BareProxy(port, host, upstream), new DeploymentOptions().setInstances(loops))
                .onSuccess(id -> System.out.println("bare proxy on 127.0.0.1:" + port + " -> " + host + ":" + upstream
                        + " (" + loops + " event loops, " + transport + ")"))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }
}
