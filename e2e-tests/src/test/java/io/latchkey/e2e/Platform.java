package io.latchkey.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.latchkey.testsupport.FreePorts;

/**
 * All four packaged services on free ports, against the real local PostgreSQL and Redis (each behind a
 * {@link FaultProxy}), with this run's own database and Redis key prefix. Started once per test JVM.
 */
public final class Platform {

    public static final String DEMO_USER = "demo@latchkey.dev";
    public static final String DEMO_PASSWORD = "latchkey-demo";
    public static final String CLI = "latchkey-cli";
    public static final String PARTNER_WEB = "partner-web";
    public static final String PARTNER_WEB_SECRET = "partner-web-demo-secret-7c1e4a9b2f6d";
    /** The demo resource server: the one demo client allowed to introspect other clients' tokens (RFC 7662 §4). */
    public static final String RESOURCE_SERVER = "latchkey-api";
    public static final String RESOURCE_SERVER_SECRET = "latchkey-api-demo-secret-3f9d0b6e1a2c";
    /** A public device client of RateLimitE2ETest's own, limited to {@link #LIMITED_RATE} per client. */
    static final String LIMITED_CLIENT = "e2e-rate-limited";
    static final String LIMITED_RATE = "4/8s";
    /** As in run.sh. */
    static final String CONSENT_HEAP = "64m";
    /** Three secrets, three jobs (internal calls, the gateway's identity proof, the user-code HMAC), fresh per run. */
    static final String INTERNAL_SECRET = "e2e-internal-secret-" + UUID.randomUUID();
    static final String IDENTITY_SECRET = "e2e-identity-secret-" + UUID.randomUUID();
    static final String USER_CODE_KEY = "e2e-user-code-key-" + UUID.randomUUID();
    /** The demo operator client (client_credentials, scope admin), seeded with this run's secret as run.sh does. */
    public static final String OPERATOR_CLIENT = "latchkey-operator";
    static final String OPERATOR_SECRET = "e2e-operator-secret-" + UUID.randomUUID();

    /**
     * The masters of a Redis Cluster (comma-separated {@code redis://} URLs), set by the {@code redis-cluster} run of
     * this module (pom, profile {@code redis-cluster}; test.sh): the services then run against that cluster
     * ({@code LATCHKEY_REDIS_CLIENT_TYPE=cluster}) instead of the single Redis behind {@link #redis}. Empty otherwise.
     */
    static final String REDIS_CLUSTER = System.getProperty("latchkey.e2e.redis-cluster", "").trim();

    private static Platform instance;

    final String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    final String database = "lk_e2e_" + runId;
    final FaultProxy postgres;
    final FaultProxy redis;
    final ServiceProcess token;
    final ServiceProcess device;
    final ServiceProcess consent;
    final ServiceProcess gateway;
    /** A second gateway replica on its own port: revocations must reach both. */
    final ServiceProcess gateway2;
    /** A second token-service replica, started on demand ({@link #secondTokenService()}). */
    private ServiceProcess token2;
    private final Path root;
    private final Path logs;
    private final Map<String, String> env;
    private final List<String> props;

    static synchronized Platform get() {
        if (instance == null) {
            try {
                instance = new Platform();
                instance.startAll();
                Runtime.getRuntime().addShutdownHook(new Thread(instance::shutdown, "platform-shutdown"));
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the platform: " + e.getMessage(), e);
            }
        }
        return instance;
    }

    private Platform() throws IOException {
        root = Path.of(System.getProperty("latchkey.root", "..")).toAbsolutePath().normalize();
        logs = root.resolve("e2e-tests/target/e2e-logs");
        Files.createDirectories(logs);
        createDatabase();
        postgres = new FaultProxy(5432);
        redis = new FaultProxy(6379);
        int gatewayPort = freePort();
        int gateway2Port = freePort();
        int tokenPort = freePort();
        int devicePort = freePort();
        int consentPort = freePort();
        String issuer = "http://localhost:" + gatewayPort;
        env = new LinkedHashMap<>();
        env.put("LATCHKEY_ISSUER", issuer);
        env.put("LATCHKEY_INTERNAL_SECRET", INTERNAL_SECRET);
        env.put("LATCHKEY_IDENTITY_SECRET", IDENTITY_SECRET);
        env.put("LATCHKEY_USER_CODE_KEY", USER_CODE_KEY);
        // the services' own default; stated so that a change of default cannot silently open them up
        env.put("LATCHKEY_BIND_ADDRESS", "127.0.0.1");
        env.put("LATCHKEY_DEMO_OPERATOR_SECRET", OPERATOR_SECRET);
        env.put("LATCHKEY_KEY_ENCRYPTION_KEY", "ZTJlLXRlc3Qta2V5LWVuY3J5cHRpb24ta2V5LTMyYiE=");
        env.put("LATCHKEY_DB_URL", "postgresql://127.0.0.1:" + postgres.port() + "/" + database);
        env.put("LATCHKEY_DB_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + database);
        if (onRedisCluster()) {
            // a cluster client follows MOVED redirections to the nodes' own addresses: no proxy in between
            env.put("LATCHKEY_REDIS_CLIENT_TYPE", "cluster");
            env.put("LATCHKEY_REDIS_URL", REDIS_CLUSTER);
        } else {
            env.put("LATCHKEY_REDIS_URL", "redis://127.0.0.1:" + redis.port());
        }
        props = List.of(
                "-Dlatchkey.seed.demo=true",
                "-Dlatchkey.redis.key-prefix=lk-e2e-" + runId + ":",
                "-Dlatchkey.services.token-url=http://127.0.0.1:" + tokenPort,
                "-Dlatchkey.services.device-url=http://127.0.0.1:" + devicePort,
                "-Dlatchkey.services.consent-url=http://127.0.0.1:" + consentPort,
                // short caches so outage tests meet the backend quickly
                "-Dlatchkey.clients.cache-ttl=PT1S",
                // every test runs from 127.0.0.1: per-IP limits are tested in the gateway; here they stay out of the way
                "-Dlatchkey.rate-limit.device-authorization-per-ip=100000/1m",
                "-Dlatchkey.rate-limit.token-per-ip=100000/1m",
                "-Dlatchkey.rate-limit.authorize-per-ip=100000/1m",
                "-Dlatchkey.rate-limit.sign-in-per-ip=100000/1m",
                "-Dlatchkey.login.ip-free-failures=100000",
                // five JVMs, Chromium and builds share two cores here: allow Redis a slow moment before failing open
                "-Dlatchkey.rate-limit.redis-timeout=PT2S",
                // RateLimitE2ETest: a small per-client limit with a short window, for a client of its own
                "-Dlatchkey.rate-limit.clients." + LIMITED_CLIENT + ".device-authorization-per-client="
                        + LIMITED_RATE);
        token = new ServiceProcess("token-service", tokenPort, root, env, props, logs);
        device = new ServiceProcess("device-service", devicePort, root, env, props, logs);
        // run.sh's consent-service heap: sign-in storms must fit in it (SignInStormE2ETest)
        consent = new ServiceProcess("consent-service", consentPort, root, env, props, logs)
                .jvm("-Xmx" + CONSENT_HEAP, "-XX:TieredStopAtLevel=1");
        // the gateways also log a line per request (off by default): RequestIdE2ETest follows one request through it
        List<String> gatewayProps = new java.util.ArrayList<>(props);
        gatewayProps.add("-Dquarkus.log.category.\"io.latchkey.gateway.edge.RequestIdentity\".level=DEBUG");
        gateway = new ServiceProcess("gateway", gatewayPort, root, env, gatewayProps, logs);
        // the second replica also plays the gateway behind a trusted, appending proxy (the test client on loopback)
        List<String> behindProxy = new java.util.ArrayList<>(gatewayProps);
        behindProxy.add("-Dlatchkey.gateway.trusted-proxies=127.0.0.1");
        gateway2 = new ServiceProcess("gateway-2", "gateway", gateway2Port, root, env, behindProxy, logs);
    }

    private void startAll() throws Exception {
        for (ServiceProcess s : List.of(token, device, consent, gateway, gateway2)) {
            s.start();
        }
        for (ServiceProcess s : List.of(token, device, consent, gateway, gateway2)) {
            s.awaitReady(Duration.ofSeconds(90));
        }
    }

    /**
     * A second token-service replica on its own port (same database, Redis and secrets), started the first time it is
     * asked for. Its client cache lives 5 minutes, so only the pushed client changes can make it see one in time.
     */
    synchronized ServiceProcess secondTokenService() throws Exception {
        if (token2 == null) {
            List<String> longCache = new java.util.ArrayList<>(props);
            longCache.add("-Dlatchkey.clients.cache-ttl=PT5M");
            token2 = new ServiceProcess("token-service-2", "token-service", freePort(), root, env, longCache, logs);
            token2.start();
            token2.awaitReady(Duration.ofSeconds(90));
        }
        return token2;
    }

    /** An access token of the demo operator client with scope admin, from the gateway's token endpoint. */
    public String operatorToken() {
        return io.restassured.RestAssured.given().auth().preemptive().basic(OPERATOR_CLIENT, OPERATOR_SECRET)
                .formParam("grant_type", "client_credentials").formParam("scope", "admin")
                .post(baseUrl() + "/oauth/token").then().statusCode(200).extract().path("access_token");
    }

    /** True when the services run against a Redis Cluster ({@link #REDIS_CLUSTER}). */
    static boolean onRedisCluster() {
        return !REDIS_CLUSTER.isEmpty();
    }

    /** The public base URL: the gateway, the only address a user needs. */
    public String baseUrl() {
        return "http://localhost:" + gateway.port;
    }

    /** The second gateway replica (same issuer, same backends). */
    public String secondGatewayUrl() {
        return "http://localhost:" + gateway2.port;
    }

    /** The seeded demo user's id (its {@code sub}), read from this run's database. */
    public String demoUserId() {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
             java.sql.PreparedStatement s = c.prepareStatement("SELECT id FROM consent.users WHERE username = ?")) {
            s.setString(1, DEMO_USER);
            java.sql.ResultSet rs = s.executeQuery();
            if (!rs.next()) {
                throw new IllegalStateException("demo user not seeded");
            }
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Runs one statement on this run's database (test fixtures that have no API yet). */
    void sql(String statement) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "")) {
            c.createStatement().execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + ": " + e.getMessage(), e);
        }
    }

    /** The consent-service process (its log tells whether it ran out of memory). */
    ServiceProcess consentService() {
        return consent;
    }

    void restart(ServiceProcess s) throws Exception {
        s.stop();
        s.start();
        s.awaitReady(Duration.ofSeconds(90));
    }

    private void shutdown() {
        if (token2 != null) {
            try {
                token2.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (ServiceProcess s : List.of(gateway2, gateway, consent, device, token)) {
            try {
                s.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            postgres.up();
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (Exception e) {
            System.err.println("Could not drop " + database + ": " + e.getMessage());
        }
    }

    private void createDatabase() {
        admin("CREATE DATABASE " + database);
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            c.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Outside the ephemeral range: the services bind their ports seconds later (test-support {@code FreePorts}). */
    static int freePort() {
        return FreePorts.next();
    }
}
