package io.latchkey.token;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import io.latchkey.common.crypto.Secrets;
import io.latchkey.token.seed.DemoClients;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Shared test fixtures: tokens minted through the internal API, client-authenticated requests, SQL. */
public final class Fixtures {

    public static final String INTERNAL_SECRET = "test-internal-secret";
    public static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private Fixtures() {
    }

    public static String newGrantId() {
        return "grant-" + UUID.randomUUID();
    }

    /** Tokens for a grant, minted as device-service does after an approval (POST /internal/tokens). */
    public static JsonPath mint(String clientId, String scope, String grantId) {
        String grantType = DemoClients.PARTNER_NATIVE.equals(clientId) ? "authorization_code" : DEVICE_GRANT;
        return given().header("X-Latchkey-Internal", INTERNAL_SECRET).contentType(ContentType.JSON)
                .body("{\"client_id\":\"" + clientId + "\",\"subject\":\"user-" + grantId + "\",\"scope\":\"" + scope
                        + "\",\"grant_id\":\"" + grantId + "\",\"grant_type\":\"" + grantType + "\"}")
                .post("/internal/tokens").then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath mint(String clientId, String scope) {
        return mint(clientId, scope, newGrantId());
    }

    /** The gateway's identity proof in tests (%test latchkey.gateway.identity-secret). */
    static final String IDENTITY_PROOF = "dev-identity-secret-0123456789abcdef";

    /**
     * A request as the gateway forwards an operator's: the verified token's identity headers (scope {@code scope})
     * next to the gateway's proof, and the client address it computed.
     */
    static RequestSpecification operator(String scope) {
        return given().header("X-Latchkey-Identity", IDENTITY_PROOF)
                .header("X-Latchkey-Subject", "operator-user-1")
                .header("X-Latchkey-Client-Id", "latchkey-operator")
                .header("X-Latchkey-Scope", scope)
                .header("X-Latchkey-Client-IP", "203.0.113.9");
    }

    /** {@link #operator(String)} with scope admin. */
    static RequestSpecification operator() {
        return operator("admin");
    }

    /**
     * A request authenticated as the client: Basic for partner-web and the resource server, a bare client_id for the
     * public clients.
     */
    public static RequestSpecification as(String clientId) {
        if (DemoClients.PARTNER_WEB.equals(clientId)) {
            return given().auth().preemptive().basic(DemoClients.PARTNER_WEB, DemoClients.PARTNER_WEB_SECRET);
        }
        if (DemoClients.RESOURCE_SERVER.equals(clientId)) {
            return given().auth().preemptive().basic(DemoClients.RESOURCE_SERVER, DemoClients.RESOURCE_SERVER_SECRET);
        }
        return given().formParam("client_id", clientId);
    }

    public static Response refresh(String clientId, String refreshToken) {
        return as(clientId).formParam("grant_type", "refresh_token").formParam("refresh_token", refreshToken)
                .post("/oauth/token");
    }

    /** {@code n} refreshes of one token by {@code clientId}, all released at once from their own threads. */
    public static List<Response> racingRefreshes(String clientId, String refreshToken, int n) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return refresh(clientId, refreshToken);
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (java.util.concurrent.Future<Response> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    public static Response refresh(String clientId, String refreshToken, String scope) {
        return as(clientId).formParam("grant_type", "refresh_token").formParam("refresh_token", refreshToken)
                .formParam("scope", scope).post("/oauth/token");
    }

    /**
     * Introspection of an access token (a JWT) by the demo resource server, allowed to introspect every client's access
     * tokens; of a refresh token by partner-web, whose refresh tokens these tests introspect (only its own client
     * learns about a refresh token).
     */
    public static Response introspect(String token) {
        return introspectAs(token.contains(".") ? DemoClients.RESOURCE_SERVER : DemoClients.PARTNER_WEB, token);
    }

    public static Response introspectAs(String clientId, String token) {
        return as(clientId).formParam("token", token).post("/oauth/introspect");
    }

    public static boolean active(String token) {
        return introspect(token).then().statusCode(200).extract().path("active");
    }

    public static Response revoke(String clientId, String token) {
        return as(clientId).formParam("token", token).post("/oauth/revoke");
    }

    /** Registers a confidential client (once) straight in the database. */
    public static void confidentialClient(String clientId, String secret, boolean disabled, String... grantTypes) {
        update("INSERT INTO token.clients (client_id, client_name, client_type, secret_hash, grant_types, scopes, disabled) "
                        + "VALUES (?, ?, 'confidential', ?, ?, '{profile,db:read,db:write}', ?) ON CONFLICT DO NOTHING",
                clientId, clientId, Secrets.sha256(secret), grantTypes, disabled);
    }

    public static int update(String sql, Object... params) {
        try (Connection c = connection(); PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row. */
    public static List<Object> column(String sql, Object... params) {
        try (Connection c = connection(); PreparedStatement s = prepare(c, sql, params); ResultSet rs = s.executeQuery()) {
            List<Object> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getObject(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] hash(String token) {
        return Secrets.sha256(token);
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof String[] array) {
                s.setArray(i + 1, c.createArrayOf("text", array));
            } else {
                s.setObject(i + 1, p);
            }
        }
        return s;
    }

    private static Connection connection() throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        return DriverManager.getConnection(url, "postgres", "");
    }
}
