package io.latchkey.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/** The authorization server as the CLI sees it: metadata, form posts to its endpoints, bearer calls through the gateway. */
public final class AuthServer {

    /** RFC 8414 §2: the endpoints the CLI uses. */
    public record Metadata(String issuer, String deviceAuthorizationEndpoint, String tokenEndpoint,
                           String revocationEndpoint) {
    }

    /** One HTTP answer: status, the body as JSON (null when it is not JSON), the raw body, Retry-After if sent. */
    public record Answer(int status, JsonNode json, String body, Optional<Duration> retryAfter, String contentType) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String error() {
            return Json.text(json, "error");
        }

        /** "error: description" for a message to the user. */
        String describe() {
            String e = error();
            if (e == null) {
                return "HTTP " + status;
            }
            String d = Json.text(json, "error_description");
            return d == null ? e : e + ": " + d;
        }
    }

    static final String USER_AGENT = CliUserAgent.current();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** The issuer as a base URL: scheme, host, optional port and path, no trailing slash. */
    static String normalizeIssuer(String issuer) {
        URI uri;
        try {
            uri = URI.create(issuer.trim());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(Exit.USAGE, "Not a URL: " + issuer);
        }
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getQuery() != null || uri.getFragment() != null) {
            // RFC 8414 §2: the issuer is an https (here also http, for local runs) URL without query or fragment
            throw new CliFailure(Exit.USAGE, "The issuer must be an http(s) URL without query or fragment: " + issuer);
        }
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** RFC 8414 §3: GET {issuer}/.well-known/oauth-authorization-server; §3.3: its issuer must be the one asked. */
    public Metadata discover(String issuer) {
        Answer a = unavailableOnIoError(() -> get(metadataUrl(issuer), Map.of()));
        if (!a.ok() || a.json() == null || !a.json().isObject()) {
            throw failureOf(a, "Discovery at " + metadataUrl(issuer) + " failed");
        }
        String announced = Json.text(a.json(), "issuer");
        // RFC 8414 §3.3: the issuer in the metadata MUST be identical to the issuer the client started from
        if (!issuer.equals(announced)) {
            throw new CliFailure(Exit.ERROR, "The server at " + issuer + " says its issuer is " + announced
                    + "; refusing to continue (RFC 8414 §3.3).");
        }
        String token = Json.text(a.json(), "token_endpoint");
        if (token == null) {
            throw new CliFailure(Exit.ERROR, "The server's metadata has no token_endpoint.");
        }
        return new Metadata(announced, Json.text(a.json(), "device_authorization_endpoint"), token,
                Json.text(a.json(), "revocation_endpoint"));
    }

    static String metadataUrl(String issuer) {
        // RFC 8414 §3.1: the well-known segment goes between the host and the issuer's path
        URI uri = URI.create(issuer);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String authority = uri.getScheme() + "://" + uri.getRawAuthority();
        return authority + "/.well-known/oauth-authorization-server" + (path.equals("/") ? "" : path);
    }

    public Answer postForm(String url, Map<String, String> form) throws IOException {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return send(request);
    }

    public Answer get(String url, Map<String, String> headers) throws IOException {
        return request("GET", url, headers, null);
    }

    public Answer request(String method, String url, Map<String, String> headers, String body) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("User-Agent", USER_AGENT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Accept", "application/json");
        all.putAll(headers);
        all.forEach(b::header);
        return send(b.build());
    }

    private Answer send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Optional<Duration> retryAfter = r.headers().firstValue("Retry-After")
                    .flatMap(v -> RetryAfter.parse(v, Instant.now()));
            return new Answer(r.statusCode(), Json.parseOrNull(r.body()), r.body(), retryAfter,
                    r.headers().firstValue("Content-Type").orElse(""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The failure for an answer that is not 2xx: 5xx (and 429) → server unavailable, anything else an error. */
    static CliFailure failureOf(Answer a, String what) {
        if (a.status() >= 500 || a.status() == 429) {
            return new CliFailure(Exit.UNAVAILABLE, what + ": the server is unavailable (" + a.describe() + ")"
                    + a.retryAfter().map(d -> "; try again in " + d.toSeconds() + " s").orElse(""));
        }
        return new CliFailure(Exit.ERROR, what + ": " + a.describe());
    }

    interface Call {
        Answer run() throws IOException;
    }

    /** A network error in a one-shot command: exit 6 with what failed. */
    static Answer unavailableOnIoError(Call call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new CliFailure(Exit.UNAVAILABLE, "Cannot reach the server: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
