package io.latchkey.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code latchkey api [METHOD] PATH}: a call to the protected API through the gateway with the stored token, like {@code gh api}. */
@Command(name = "api", mixinStandardHelpOptions = true,
        description = {"Call the API through the gateway with your access token and print the answer.",
                "METHOD defaults to GET (POST with --data). PATH is a path on the issuer, e.g. /api/v1/me.",
                "A non-2xx answer exits 1 (6 for 5xx) after printing the body."},
        footer = Exit.HELP)
final class ApiCommand extends IssuerCommand {

    @Parameters(arity = "1..2", paramLabel = "[METHOD] PATH")
    List<String> args = new ArrayList<>();

    @Option(names = {"-d", "--data"}, paramLabel = "BODY", description = "Request body; @FILE reads a file, @- standard input.")
    String data;

    @Option(names = {"-H", "--header"}, paramLabel = "NAME: VALUE", description = "An extra request header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(names = "--json", description = "Pretty-print a JSON answer.")
    boolean json;

    /** The request {@code latchkey api} sends: method, URL on the issuer, headers (without the token) and body. */
    record Request(String method, String url, Map<String, String> headers, String body) {
    }

    static Request build(String issuer, List<String> args, String body, List<String> headers) {
        String method = args.size() == 2 ? args.get(0) : (body != null ? "POST" : "GET");
        String path = args.get(args.size() - 1);
        // RFC 9110 §9.1: a method is a token; upper case is what every server here knows
        if (!method.matches("[A-Za-z]{1,16}")) {
            throw new CliFailure(Exit.USAGE, "Not an HTTP method: " + method);
        }
        // the token goes only to the issuer: a path on it, never a URL of another host
        if (!path.startsWith("/") || path.startsWith("//")) {
            throw new CliFailure(Exit.USAGE, "PATH must be a path on the issuer starting with /, e.g. /api/v1/me (got " + path + ")");
        }
        Map<String, String> h = new LinkedHashMap<>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0 || !header.substring(0, colon).trim().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw new CliFailure(Exit.USAGE, "A header is NAME: VALUE (got " + header + ")");
            }
            h.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        if (body != null && h.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Content-Type"))) {
            h.put("Content-Type", "application/json");
        }
        return new Request(method.toUpperCase(), issuer + path, h, body);
    }

    @Override
    public Integer call() {
        String issuer = options.issuer();
        Request r = build(issuer, args, readBody(data), headers);
        AuthServer.Answer a = login().call(r).answer();
        var out = out();
        if (json && a.json() != null) {
            out.println(Json.pretty(a.json()));
        } else if (!a.body().isEmpty()) {
            out.println(a.body());
        }
        out.flush();
        if (a.ok()) {
            return Exit.OK;
        }
        err().println("latchkey: " + r.method() + " " + args.get(args.size() - 1) + ": HTTP " + a.status());
        err().flush();
        return a.status() >= 500 ? Exit.UNAVAILABLE : Exit.ERROR;
    }

    private static String readBody(String data) {
        if (data == null || !data.startsWith("@")) {
            return data;
        }
        try {
            return data.equals("@-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(data.substring(1)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
