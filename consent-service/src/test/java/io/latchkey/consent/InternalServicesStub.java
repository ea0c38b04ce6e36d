package io.latchkey.consent;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * Stands in for the internal APIs of token-service ({@code /internal/clients}) and device-service
 * ({@code /internal/device/user-codes}) as docs/internal-api.md describes them, and records every call.
 */
public class InternalServicesStub implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET = "dev-internal-secret";

    /** One call received by the stub. */
    public record Call(String method, String path, JsonObject body) {
    }

    public static final Map<String, JsonObject> CODES = new ConcurrentHashMap<>();
    /** PKCE challenges token-service has "seen before": {@code POST /internal/codes} refuses them. */
    public static final java.util.Set<String> SEEN_CHALLENGES = ConcurrentHashMap.newKeySet();
    public static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    /** ID Tokens token-service "signed": hint → {subject, client_id}. */
    public static final Map<String, String[]> HINTS = new ConcurrentHashMap<>();
    /** token-service's record of when each grant last got tokens (grant id → ISO instant). */
    public static final Map<String, String> LAST_USED = new ConcurrentHashMap<>();
    /** Clients registered through {@code POST /internal/clients} (client id → registration). */
    public static final Map<String, JsonObject> REGISTERED = new ConcurrentHashMap<>();
    /** token-service's live sessions (refresh-token families) per grant id, newest first, as the usage route lists them. */
    public static final Map<String, List<JsonObject>> SESSIONS = new ConcurrentHashMap<>();
    /** Sessions revoked through {@code POST /internal/grants/{g}/sessions/{s}/revoke}: "grant/session" → revoked_at. */
    public static final Map<String, String> REVOKED_SESSIONS = new ConcurrentHashMap<>();
    /** When set, token-service's grant routes answer 503 as if it were down. */
    public static volatile boolean grantsDown;

    private Vertx vertx;

    /** Registers a pending device authorization under a user code (canonical: upper case, no dash). */
    public static void pending(String userCode, String clientId, String scope) {
        CODES.put(userCode, new JsonObject()
                .put("user_code", userCode.substring(0, 4) + "-" + userCode.substring(4))
                .put("client_id", clientId)
                .put("scope", scope)
                .put("status", "pending")
                .put("requested_at", "2026-01-02T03:04:05Z")
                .put("expires_at", "2026-01-02T03:19:05Z")
                .put("device_ip", "203.0.113.7")
                .put("device_user_agent", "latchkey-cli/1.0 (linux)"));
    }

    /** Adds a live session to a grant (newest first, as token-service lists them); answers its id. */
    public static String session(java.util.UUID grantId, String userAgent, String ip, String deviceName) {
        String id = java.util.UUID.randomUUID().toString();
        JsonObject s = new JsonObject().put("session_id", id).put("created_at", "2030-01-02T03:04:05Z")
                .put("last_used_at", "2030-01-03T04:05:06Z").put("user_agent", userAgent).put("ip", ip)
                .put("device_name", deviceName);
        SESSIONS.computeIfAbsent(grantId.toString(), g -> new CopyOnWriteArrayList<>()).add(0, s);
        return id;
    }

    public static List<Call> callsTo(String pathPart) {
        return CALLS.stream().filter(c -> c.path().contains(pathPart)).toList();
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(this::handle);
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String url = "http://127.0.0.1:" + server.actualPort();
        return Map.of("latchkey.services.device-url", url, "latchkey.services.token-url", url,
                "latchkey.internal.secret", SECRET);
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    private void handle(HttpServerRequest req) {
        req.body().onSuccess(buf -> {
            JsonObject body = buf.length() == 0 ? null : buf.toJsonObject();
            CALLS.add(new Call(req.method().name(), req.path(), body));
            if (!SECRET.equals(req.getHeader("X-Latchkey-Internal"))) {
                json(req, 401, new JsonObject().put("error", "invalid_client"));
                return;
            }
            String[] parts = req.path().split("/");
            if (req.path().equals("/internal/clients") || (req.path().startsWith("/internal/clients/")
                    && (parts.length > 4 || REGISTERED.containsKey(parts[3]) || "PUT".equals(req.method().name())))) {
                registry(req, parts, body);
            } else if (req.path().startsWith("/internal/clients/")) {
                client(req, parts[3]);
            } else if (req.path().equals("/internal/id-token-hints")) {
                idTokenHint(req, body);
            } else if (req.path().equals("/internal/codes")) {
                code(req, body);
            } else if (req.path().startsWith("/internal/device/user-codes/")) {
                device(req, parts);
            } else if (req.path().startsWith("/internal/grants/")) {
                grants(req, parts, body);
            } else {
                json(req, 404, new JsonObject().put("error", "not_found"));
            }
        });
    }

    private void client(HttpServerRequest req, String clientId) {
        if ("partner-web".equals(clientId)) {
            json(req, 200, new JsonObject()
                    .put("client_id", "partner-web").put("client_name", "Acme Insights").put("client_type", "confidential")
                    .put("redirect_uris", List.of("http://127.0.0.1:9090/callback", "https://acme.example/cb?tenant=7"))
                    .put("grant_types", List.of("authorization_code", "refresh_token", "client_credentials"))
                    .put("scopes", List.of("openid", "profile", "email", "offline_access", "db:read", "db:write"))
                    .put("homepage_uri", "https://acme-insights.example").put("logo_uri", "https://acme-insights.example/logo.png")
                    .put("post_logout_redirect_uris", List.of("http://127.0.0.1:9090/logged-out")));
            return;
        }
        if ("strict-web".equals(clientId)) {
            // OIDC Core §11: a client that gets refresh tokens only when it asks for offline_access
            json(req, 200, new JsonObject()
                    .put("client_id", "strict-web").put("client_name", "Strict Web").put("client_type", "confidential")
                    .put("redirect_uris", List.of("http://127.0.0.1:9090/callback"))
                    .put("grant_types", List.of("authorization_code", "refresh_token"))
                    .put("scopes", List.of("openid", "profile", "offline_access", "db:read"))
                    .put("refresh_without_offline_access", false));
            return;
        }
        if ("partner-native".equals(clientId)) {
            json(req, 200, new JsonObject()
                    .put("client_id", "partner-native").put("client_name", "Acme Desktop").put("client_type", "public")
                    .put("redirect_uris", List.of("http://127.0.0.1/callback"))
                    .put("grant_types", List.of("authorization_code", "refresh_token"))
                    .put("scopes", List.of("profile", "db:read", "db:write"))
                    .put("homepage_uri", "https://acme-insights.example/desktop").put("first_party", false));
            return;
        }
        if ("ops-web".equals(clientId)) {
            // a confidential client that may ask for scope admin (only operators may be granted it)
            json(req, 200, new JsonObject()
                    .put("client_id", "ops-web").put("client_name", "Ops Console").put("client_type", "confidential")
                    .put("redirect_uris", List.of("https://ops.example/cb"))
                    .put("grant_types", List.of("authorization_code", "refresh_token"))
                    .put("scopes", List.of("profile", "admin")));
            return;
        }
        if ("own-desktop".equals(clientId)) {
            // a public client the operator marked first-party (token.clients.first_party)
            json(req, 200, new JsonObject()
                    .put("client_id", "own-desktop").put("client_name", "Latchkey Desktop").put("client_type", "public")
                    .put("redirect_uris", List.of("http://127.0.0.1/callback"))
                    .put("grant_types", List.of("authorization_code", "refresh_token"))
                    .put("scopes", List.of("profile", "db:read", "db:write"))
                    .put("first_party", true));
            return;
        }
        if (!"latchkey-cli".equals(clientId)) {
            json(req, 404, new JsonObject().put("error", "not_found"));
            return;
        }
        json(req, 200, new JsonObject()
                .put("client_id", "latchkey-cli").put("client_name", "Latchkey CLI").put("client_type", "public")
                .put("redirect_uris", List.of())
                .put("grant_types", List.of("urn:ietf:params:oauth:grant-type:device_code", "refresh_token"))
                .put("scopes", List.of("openid", "profile", "db:read", "db:write"))
                .put("homepage_uri", "https://cli.latchkey.dev").put("logo_uri", "https://cli.latchkey.dev/logo.png"));
    }

    /** token-service's client management (docs/internal-api.md): create, registration, update, secret, disable. */
    private void registry(HttpServerRequest req, String[] parts, JsonObject body) {
        String method = req.method().name();
        if (parts.length == 3 && "POST".equals(method)) {
            String id = body.getString("client_id", "c-" + java.util.UUID.randomUUID());
            if (REGISTERED.containsKey(id)) {
                json(req, 400, new JsonObject().put("error", "invalid_client_metadata")
                        .put("error_description", "client_id is already taken."));
                return;
            }
            JsonObject reg = body.copy().put("client_id", id).put("disabled", false);
            REGISTERED.put(id, reg);
            JsonObject answer = reg.copy();
            if (!"none".equals(reg.getString("token_endpoint_auth_method"))) {
                answer.put("client_secret", "secret-" + java.util.UUID.randomUUID());
            }
            json(req, 201, answer);
            return;
        }
        if (parts.length == 3 && "GET".equals(method)) {
            String q = req.getParam("q");
            json(req, 200, new JsonObject().put("clients", new io.vertx.core.json.JsonArray(REGISTERED.values().stream()
                    .filter(r -> q == null || r.getString("client_id").contains(q)).toList())).putNull("next_cursor"));
            return;
        }
        JsonObject reg = parts.length > 3 ? REGISTERED.get(parts[3]) : null;
        if (reg == null) {
            json(req, 404, new JsonObject().put("error", "not_found"));
            return;
        }
        String action = parts.length > 4 ? parts[4] : "";
        if ("PUT".equals(method)) {
            String uri = body.getJsonArray("redirect_uris").getString(0);
            if (!uri.startsWith("https://") && !uri.startsWith("http://127.0.0.1")) {
                json(req, 400, new JsonObject().put("error", "invalid_redirect_uri")
                        .put("error_description", "A redirect URI must use https."));
                return;
            }
            reg.put("redirect_uris", body.getJsonArray("redirect_uris"));
            json(req, 200, reg);
        } else if ("secret".equals(action)) {
            json(req, 200, reg.copy().put("client_secret", "rotated-" + java.util.UUID.randomUUID()));
        } else if ("disable".equals(action) || "enable".equals(action)) {
            reg.put("disabled", "disable".equals(action));
            json(req, 200, reg);
        } else {
            json(req, 200, reg);
        }
    }

    /** token-service's code issuer: answers a fresh code, or 400 for a challenge it has seen before. */
    private void code(HttpServerRequest req, JsonObject body) {
        String challenge = body == null ? null : body.getString("code_challenge");
        if (challenge != null && SEEN_CHALLENGES.contains(challenge)) {
            json(req, 400, new JsonObject().put("error", "invalid_request")
                    .put("error_description", "This code_challenge was used before; use a fresh one per request."));
            return;
        }
        json(req, 200, new JsonObject().put("code", "code-" + java.util.UUID.randomUUID()));
    }

    /** token-service's id_token_hint check: hints registered in {@link #HINTS} are valid ID Tokens, others not. */
    private void idTokenHint(HttpServerRequest req, JsonObject body) {
        String[] named = body == null ? null : HINTS.get(body.getString("id_token_hint"));
        if (named == null) {
            json(req, 400, new JsonObject().put("error", "invalid_request").put("error_description", "Not an ID Token."));
            return;
        }
        json(req, 200, new JsonObject().put("subject", named[0]).put("client_id", named[1]));
    }

    private void device(HttpServerRequest req, String[] parts) {
        String code = parts[4].replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        JsonObject auth = CODES.get(code);
        if (auth == null) {
            json(req, 404, new JsonObject().put("error", "not_found"));
            return;
        }
        if (parts.length == 5) {
            json(req, 200, auth);
            return;
        }
        if (!"pending".equals(auth.getString("status"))) {
            json(req, 409, new JsonObject().put("error", "invalid_request"));
            return;
        }
        auth.put("status", "approve".equals(parts[5]) ? "approved" : "denied");
        req.response().setStatusCode(204).end();
    }

    private void grants(HttpServerRequest req, String[] parts, JsonObject body) {
        if (grantsDown) {
            json(req, 503, new JsonObject().put("error", "temporarily_unavailable"));
        } else if ("usage".equals(parts[3])) {
            JsonObject out = new JsonObject();
            body.getJsonArray("grant_ids").forEach(id -> {
                String at = LAST_USED.get((String) id);
                List<JsonObject> live = SESSIONS.get((String) id);
                if (at != null || live != null) {
                    out.put((String) id, new JsonObject().put("last_used_at", at)
                            .put("sessions", new io.vertx.core.json.JsonArray(live == null ? List.of() : List.copyOf(live))));
                }
            });
            json(req, 200, out);
        } else if (parts.length == 5 && "revoke".equals(parts[4])) {
            SESSIONS.remove(parts[3]);
            req.response().setStatusCode(204).end();
        } else if (parts.length == 7 && "sessions".equals(parts[4]) && "revoke".equals(parts[6])) {
            revokeSession(req, parts[3], parts[5]);
        } else {
            json(req, 404, new JsonObject().put("error", "not_found"));
        }
    }

    /** Contract item 4: revokes the family once (a second call keeps the first revoked_at); 404 when not under the grant. */
    private void revokeSession(HttpServerRequest req, String grantId, String sessionId) {
        String key = grantId + "/" + sessionId;
        List<JsonObject> live = SESSIONS.getOrDefault(grantId, new java.util.ArrayList<>());
        boolean wasLive = live.removeIf(s -> sessionId.equals(s.getString("session_id")));
        if (!wasLive && !REVOKED_SESSIONS.containsKey(key)) {
            json(req, 404, new JsonObject().put("error", "not_found"));
            return;
        }
        String at = REVOKED_SESSIONS.computeIfAbsent(key, k -> java.time.Instant.now().toString());
        json(req, 200, new JsonObject().put("grant_id", grantId).put("session_id", sessionId).put("revoked_at", at)
                .put("refresh_tokens_revoked", wasLive ? 1 : 0));
    }

    private static void json(HttpServerRequest req, int status, JsonObject body) {
        req.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
