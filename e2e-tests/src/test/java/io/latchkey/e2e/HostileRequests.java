package io.latchkey.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Deterministic (seeded) hostile requests over every public route of the gateway's RouteTable: malformed, oversized,
 * duplicated, mis-encoded and mis-typed, down to requests that are not valid HTTP. Every request is complete (no
 * stalled bodies: those are tested apart) and ends with {@code Connection: close}.
 */
final class HostileRequests {

    /** A request and what it is, for the failure message. */
    record Hostile(String kind, String summary, byte[] bytes) {
    }

    /** Every public path of gateway RouteTable (sub-paths included), the same on the services that serve them. */
    static final List<String> PATHS = List.of(
            "/oauth/token", "/oauth/revoke", "/oauth/introspect", "/oauth/jwks", "/.well-known/oauth-authorization-server",
            "/admin/clients", "/admin/clients/latchkey-cli", "/admin/clients/latchkey-cli/secret",
            "/admin/clients/latchkey-cli/disable", "/admin/keys/rotate", "/oauth/device_authorization", "/oauth/authorize", "/login",
            "/logout", "/consent", "/device", "/device/decision", "/account/authorized-apps",
            "/account/authorized-apps/5b0e6f3c-3f4e-4a39-9d0e-0c6b2b1f7a11/revoke", "/account/authorized-apps/x/revoke",
            "/api/v1/me", "/api/v1/authorized-apps", "/", "/openapi", "/openapi/token-service", "/openapi/device-service",
            "/openapi/consent-service",
            // issue 12: partner pages, operator console, consent-service's admin API
            "/partners/apply", "/partners/apps", "/partners/apps/5b0e6f3c-3f4e-4a39-9d0e-0c6b2b1f7a11", "/admin",
            "/admin/console/applications", "/admin/console/users", "/admin/console/clients", "/admin/console/audit",
            "/admin/users", "/admin/users/5b0e6f3c-3f4e-4a39-9d0e-0c6b2b1f7a11/disable", "/admin/partner-applications",
            "/admin/audit-events", "/.well-known/openid-configuration", "/oauth/userinfo", "/oauth/logout",
            "/oauth/logout/confirm", "/openapi/admin",
            // issue 13: the account area's activity and sessions, the device outcome page, the static files
            "/account/activity", "/account/api/activity", "/account/sessions", "/account/sessions/sign-out-others",
            "/device/done", "/favicon.ico", "/static/latchkey.css", "/static/local-time.js");

    /** The routes that read an application/x-www-form-urlencoded body. */
    static final List<String> FORM_PATHS = List.of("/oauth/token", "/oauth/revoke", "/oauth/introspect",
            "/oauth/device_authorization", "/login", "/logout", "/consent", "/device", "/device/decision",
            "/account/authorized-apps/5b0e6f3c-3f4e-4a39-9d0e-0c6b2b1f7a11/revoke",
            "/partners/apply", "/partners/apps/5b0e6f3c-3f4e-4a39-9d0e-0c6b2b1f7a11/secret",
            "/admin/console/applications/5b0e6f3c-3f4e-4a39-9d0e-0c6b2b1f7a11/reject", "/oauth/logout", "/oauth/logout/confirm",
            "/account/sessions/sign-out-others");

    static final String FORM = "application/x-www-form-urlencoded";

    private static final String[] NAMES = {"grant_type", "client_id", "client_secret", "code", "redirect_uri",
            "code_verifier", "refresh_token", "device_code", "scope", "token", "token_type_hint", "username", "password",
            "csrf", "return_to", "user_code", "decision", "state", "response_type", "code_challenge",
            "code_challenge_method", "nonce", "prompt", "max_age", "login_hint", "id_token_hint",
            "post_logout_redirect_uri"};
    private static final String[] GOOD_VALUES = {"client_credentials", "authorization_code", "refresh_token",
            "urn:ietf:params:oauth:grant-type:device_code", "latchkey-cli", "partner-web", "db:read profile",
            "http://127.0.0.1:9090/callback", "BCDF-GHJK", "approve", "deny", "allow", "S256", "code", "/oauth/authorize?x=1", "none", "login", "consent", "0", "openid", "http://127.0.0.1:9090/logged-out"};
    private static final String[] BAD_ESCAPES = {"%", "%z", "%zz", "%ZZ", "%g0", "%%", "%0", "%c3", "%c3%28", "%ff%fe",
            "%ed%a0%80", "%c0%af", "%00", "%0a", "%0d%0a", "%1b", "%7f", "%e2%80%ae", "%F0%9F"};
    private static final String[] CONTENT_TYPES = {"application/json", "text/plain", "text/html", "application/xml",
            "multipart/form-data; boundary=----x", "application/x-www-form-urlencoded; charset=ebcdic",
            "application/x-www-form-urlencoded; charset=iso-8859-1", "application/x-www-form-urlencoded; charset=\"",
            "application/x-www-form-urlencoded; charset=utf-16", "application/x-www-form-urlencoded;;;", ";;;", "/",
            "application/", "*/*", "application/x-www-form-urlencoded\u00ff", "x".repeat(3000), "application/octet-stream"};
    private static final String[] METHODS = {"PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "HEAD", "FOO", "CONNECT",
            "PROPFIND", "get", "POST"};

    private final Random random;
    private final String host;

    HostileRequests(long seed, String host) {
        this.random = new Random(seed);
        this.host = host;
    }

    /** {@code count} requests, the same ones for the same seed. */
    List<Hostile> generate(int count) {
        List<Supplier<Hostile>> kinds = List.of(this::hostileForm, this::hostileForm, this::hostileForm,
                this::duplicatedForm, this::wrongContentType, this::jsonToForm, this::wrongMethod,
                this::absurdQuery, this::absurdQuery, this::garbageHeaders, this::oversized, this::malformedHttp,
                this::binaryBody, this::plausibleForm);
        List<Hostile> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(kinds.get(random.nextInt(kinds.size())).get());
        }
        return out;
    }

    // ---- kinds ----

    private Hostile hostileForm() {
        String path = pick(FORM_PATHS);
        StringBuilder body = new StringBuilder();
        int fields = 1 + random.nextInt(6);
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                body.append(random.nextInt(10) == 0 ? "&&" : "&");
            }
            body.append(random.nextInt(12) == 0 ? pick(BAD_ESCAPES) : pick(NAMES));
            if (random.nextInt(8) != 0) {
                body.append('=').append(value());
            }
        }
        // the hang: a bad escape in the last field
        if (random.nextBoolean()) {
            body.append("&").append(pick(NAMES)).append('=').append(pick(BAD_ESCAPES));
        }
        String b = body.toString();
        return post("hostile form", path, FORM, b.getBytes(StandardCharsets.ISO_8859_1), summary(b));
    }

    private Hostile duplicatedForm() {
        String path = pick(FORM_PATHS);
        String name = pick(NAMES);
        String b = name + "=" + pick(GOOD_VALUES) + "&" + name + "=" + pick(GOOD_VALUES) + "&client_id=latchkey-cli";
        if (random.nextBoolean()) {
            b = "&=&" + b + "&=";
        }
        return post("duplicated", path, FORM, b.getBytes(StandardCharsets.US_ASCII), b);
    }

    private Hostile wrongContentType() {
        String path = pick(FORM_PATHS);
        String ct = pick(CONTENT_TYPES);
        String b = "grant_type=client_credentials&client_id=latchkey-cli&csrf=x";
        return post("content type", path, ct, b.getBytes(StandardCharsets.US_ASCII), summary(ct));
    }

    private Hostile jsonToForm() {
        String path = pick(FORM_PATHS);
        String[] bodies = {"{\"grant_type\":\"client_credentials\",\"client_id\":\"latchkey-cli\"}", "{", "[]", "null",
                "{\"a\":" + "[".repeat(5000) + "}", "\"\\u0000\"", "{\"username\":\"demo@latchkey.dev\",\"password\":1}"};
        String b = pick(bodies);
        String ct = random.nextBoolean() ? "application/json" : FORM;
        return post("json to form", path, ct, b.getBytes(StandardCharsets.UTF_8), summary(b));
    }

    private Hostile wrongMethod() {
        String path = pick(PATHS);
        String method = pick(METHODS);
        byte[] body = random.nextBoolean() ? "a=1".getBytes(StandardCharsets.US_ASCII) : new byte[0];
        return raw("method", method + " " + path, method + " " + path + " HTTP/1.1", headers(FORM), body);
    }

    private Hostile absurdQuery() {
        String path = pick(PATHS);
        String q = switch (random.nextInt(12)) {
            case 0 -> "state=" + "A".repeat(20_000 / (1 + random.nextInt(4)));
            case 1 -> "a=1&".repeat(1000 + random.nextInt(1000));
            case 2 -> "client_id=" + pick(BAD_ESCAPES) + "&response_type=code";
            case 3 -> "return_to=" + pick(BAD_ESCAPES);
            case 4 -> "user_code=" + pick(BAD_ESCAPES);
            case 5 -> "&=&=&&";
            case 6 -> "response_type=code&client_id=partner-web&redirect_uri=http%3A%2F%2F127.0.0.1%3A9090%2Fcallback"
                    + "&state=" + "%25".repeat(600 + random.nextInt(6000)) + "&code_challenge_method=S256";
            case 7 -> "client_id=partner-web&client_id=latchkey-cli&redirect_uri=x&redirect_uri=y";
            case 8 -> "q=" + new String(randomBytes(64), StandardCharsets.ISO_8859_1).replaceAll("[\\s\\r\\n#]", "_");
            case 9 -> "x=" + "\u00e9\u00ff".repeat(50);
            case 10 -> "user_code=" + "B".repeat(3000);
            default -> ";;;" + "%%".repeat(100);
        };
        return raw("query", "GET " + path + "?" + summary(q), "GET " + path + "?" + q + " HTTP/1.1", headers(null), new byte[0]);
    }

    private Hostile garbageHeaders() {
        String path = pick(PATHS);
        List<String> h = new ArrayList<>(headers(random.nextBoolean() ? FORM : null));
        String what;
        switch (random.nextInt(10)) {
            case 0 -> { what = "huge cookie"; h.add("Cookie: lk_session=" + "x".repeat(6000 + random.nextInt(20_000))); }
            case 1 -> { what = "many cookies"; h.add("Cookie: " + "a=b; ".repeat(1500)); }
            case 2 -> { what = "bad bearer"; h.add("Authorization: Bearer " + pick(new String[] {"", "x", "a.b.c", "e30.e30.",
                    "%zz", "x".repeat(7000), "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."})); }
            case 3 -> { what = "bad basic"; h.add("Authorization: Basic " + pick(new String[] {"", "%%%", "====", "Og==",
                    "bGF0Y2hrZXktY2xpOg", "AAAA" + "/".repeat(3000), "w4k6w4k="})); }
            case 4 -> { what = "many headers"; for (int i = 0; i < 300; i++) { h.add("X-Junk-" + i + ": " + i); } }
            case 5 -> { what = "high bytes"; h.add("X-Forwarded-For: \u00ff\u00fe, 999.1.1.1, ::zz"); h.add("User-Agent: \u00e9\u00ff"); }
            case 6 -> { what = "bad session cookie"; h.add("Cookie: lk_session=%00; lk_csrf=" + "%zz".repeat(10)); }
            case 7 -> { what = "forwarded garbage"; h.add("Forwarded: for=\"[::zz]\";proto=gopher;host=\u00ff"); }
            case 8 -> { what = "accept garbage"; h.add("Accept: " + ";;;,*/*;q=abc,text/html;q=" + "9".repeat(400)); }
            default -> { what = "huge header"; h.add("X-Big: " + "y".repeat(9000 + random.nextInt(20_000))); }
        }
        boolean post = FORM_PATHS.contains(path) && random.nextBoolean();
        byte[] body = post ? "csrf=x&client_id=latchkey-cli".getBytes(StandardCharsets.US_ASCII) : new byte[0];
        return raw("headers", what + " " + path, (post ? "POST " : "GET ") + path + " HTTP/1.1", h, body);
    }

    private Hostile oversized() {
        String path = pick(FORM_PATHS);
        String b = switch (random.nextInt(4)) {
            case 0 -> "client_id=" + "x".repeat(2049 + random.nextInt(3000));
            case 1 -> "token=" + "x".repeat(40_000 + random.nextInt(40_000));
            case 2 -> "p=1&".repeat(65 + random.nextInt(2000));
            default -> "state=" + "s".repeat(513 + random.nextInt(2000)) + "&csrf=x";
        };
        return post("oversized", path, FORM, b.getBytes(StandardCharsets.US_ASCII), summary(b));
    }

    private Hostile malformedHttp() {
        String path = pick(PATHS);
        String[] requests = {
                "GET " + path + " HTTP/9.9\r\nHost: h\r\nConnection: close\r\n\r\n",
                "GET  " + path + "  HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n",
                "GET " + path + "\r\n\r\n",
                "POST " + path + " HTTP/1.1\r\nHost: h\r\nContent-Length: abc\r\nConnection: close\r\n\r\na=1",
                "POST " + path + " HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\nConnection: close\r\n\r\na=1",
                "POST " + path + " HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nContent-Length: 5\r\nConnection: close\r\n\r\na=1",
                "POST " + path + " HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\nConnection: close\r\n\r\n3\r\na=1\r\n0\r\n\r\n",
                "POST " + path + " HTTP/1.1\r\nHost: h\r\nContent-Type: " + FORM + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\na=1\r\n0\r\n\r\n",
                "POST " + path + " HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked, x\r\nConnection: close\r\n\r\n0\r\n\r\n",
                "GET " + path + " HTTP/1.1\r\nHost: h\r\nNoColonHere\r\nConnection: close\r\n\r\n",
                "GET " + path + " HTTP/1.1\r\nHost: h\r\nBad Name: x\r\nConnection: close\r\n\r\n",
                "GET " + path + " HTTP/1.1\r\nHost: h\r\nX-Nul: a\u0000b\r\nConnection: close\r\n\r\n",
                "GET " + path + " HTTP/1.1\r\nHost: h\r\n folded: header\r\nConnection: close\r\n\r\n",
                "GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n",
                "GET " + path + "/%zz/%00/..%2f..%2f HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n",
                "GET http://evil.example" + path + " HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n",
                "GET " + path + " HTTP/1.1\r\nHost: \u00ff\u00fe:99999\r\nConnection: close\r\n\r\n",
                "GET " + path + "#frag HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n",
                "GET * HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n",
                "\r\n\r\nGET " + path + " HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n",
                "GET " + path + " HTTP/1.1\nHost: h\nConnection: close\n\n",
                "POST " + path + " HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Type: " + FORM
                        + "\r\nContent-Length: 3\r\nConnection: close\r\n\r\na=1",
                "POST " + path + " HTTP/1.1\r\nHost: h\r\nExpect: 999-weird\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        };
        String r = pick(requests);
        return new Hostile("malformed http", summary(r.replace("\r\n", "\\r\\n")), r.getBytes(StandardCharsets.ISO_8859_1));
    }

    private Hostile binaryBody() {
        String path = pick(FORM_PATHS);
        byte[] body = randomBytes(1 + random.nextInt(3000));
        return post("binary", path, random.nextBoolean() ? FORM : "application/octet-stream", body, body.length + " random bytes");
    }

    private Hostile plausibleForm() {
        String path = pick(FORM_PATHS);
        String b = "grant_type=" + pick(GOOD_VALUES) + "&client_id=" + pick(GOOD_VALUES) + "&client_secret=wrong"
                + "&code=abc&device_code=xyz&token=" + pick(GOOD_VALUES) + "&csrf=forged&username=demo%40latchkey.dev"
                + "&password=" + (random.nextBoolean() ? "wrong" : "p%00ss") + "&user_code=" + pick(GOOD_VALUES)
                + "&decision=" + pick(GOOD_VALUES) + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A9090%2Fcallback"
                + "&response_type=code&code_challenge=" + "A".repeat(43) + "&code_challenge_method=S256";
        return post("plausible", path, FORM, b.getBytes(StandardCharsets.US_ASCII), summary(b));
    }

    // ---- building blocks ----

    private String value() {
        return switch (random.nextInt(8)) {
            case 0 -> pick(BAD_ESCAPES);
            case 1 -> "x".repeat(random.nextInt(3000));
            case 2 -> "";
            case 3 -> pick(GOOD_VALUES) + pick(BAD_ESCAPES);
            case 4 -> "%E2%9C%93+%F0%9F%94%91";
            default -> pick(GOOD_VALUES).replace(":", "%3A").replace(" ", "+");
        };
    }

    private Hostile post(String kind, String path, String contentType, byte[] body, String summary) {
        return raw(kind, path + " " + summary, "POST " + path + " HTTP/1.1", headers(contentType), body);
    }

    private List<String> headers(String contentType) {
        List<String> h = new ArrayList<>();
        h.add("Host: " + host);
        h.add("User-Agent: latchkey-fuzz/1");
        if (contentType != null) {
            h.add("Content-Type: " + contentType);
        }
        return h;
    }

    private static Hostile raw(String kind, String summary, String requestLine, List<String> headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(requestLine).append("\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        if (body.length > 0 || requestLine.startsWith("POST")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return new Hostile(kind, summary, out.toByteArray());
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String summary(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…(" + s.length() + " chars)" : s;
    }
}
