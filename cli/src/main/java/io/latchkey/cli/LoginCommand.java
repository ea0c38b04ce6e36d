package io.latchkey.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code latchkey login}: the device authorization grant (RFC 8628) from discovery to stored tokens. */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Sign in: shows a code and a QR code, opens the browser, waits for your approval.",
        footer = Exit.HELP)
final class LoginCommand extends IssuerCommand {

    @Option(names = "--scope", paramLabel = "SCOPES", defaultValue = "profile db:read",
            description = "Space-separated scopes to ask for. Default: ${DEFAULT-VALUE}")
    String scope;

    @Option(names = "--no-browser", description = "Do not open a browser (it is never opened without a display).")
    boolean noBrowser;

    @Override
    public Integer call() {
        String issuer = options.issuer();
        AuthServer server = new AuthServer();
        AuthServer.Metadata meta = server.discover(issuer);
        if (meta.deviceAuthorizationEndpoint() == null) {
            throw new CliFailure(Exit.ERROR, issuer + " does not offer the device flow (no device_authorization_endpoint).");
        }
        JsonNode auth = requestDeviceCode(server, meta);
        String deviceCode = Json.text(auth, "device_code");
        String userCode = Json.text(auth, "user_code");
        String uri = Json.text(auth, "verification_uri");
        String complete = Json.text(auth, "verification_uri_complete");
        // RFC 8628 §3.2: device_code, user_code, verification_uri and expires_in are REQUIRED
        if (deviceCode == null || userCode == null || uri == null || auth.get("expires_in") == null) {
            throw new CliFailure(Exit.ERROR, "The device authorization response lacks a required field (RFC 8628 §3.2).");
        }
        Instant deadline = Instant.now().plusSeconds(Math.max(1, auth.get("expires_in").asLong()));

        var out = out();
        out.println("To sign in, open this page in a browser:");
        out.println(uri);
        out.println("and enter this code:");
        out.println(userCode);
        if (complete != null) {
            // RFC 8628 §3.3.1: with verification_uri_complete the user code is still shown, to be compared
            out.println();
            out.println("Or scan this QR code; check that the page shows the same code:");
            out.print(QrTerminal.render(complete));
        }
        out.flush();
        if (!noBrowser && BrowserLauncher.open(complete != null ? complete : uri)) {
            out.println("Opened the page in your browser.");
            out.flush();
        }

        boolean terminal = System.console() != null;
        PrintStream err = System.err;
        JsonNode tokens = new DevicePoller(server, new Progress(err, terminal), new java.util.Random())
                .poll(meta.tokenEndpoint(), options.clientId, deviceCode, PollDecision.initialInterval(auth), deadline);
        TokenAnswer answer = TokenAnswer.parse(tokens);
        Credentials creds = new Credentials(issuer, options.clientId, meta.tokenEndpoint(), meta.revocationEndpoint(),
                null, null, scope, null).with(answer, Instant.now());
        CredentialStore store = options.store();
        store.locked(issuer, () -> {
            store.save(creds);
            return null;
        });
        out.println("Logged in to " + issuer + " (scopes: " + creds.scope() + "). Credentials: " + store.fileFor(issuer));
        out.flush();
        return Exit.OK;
    }

    private JsonNode requestDeviceCode(AuthServer server, AuthServer.Metadata meta) {
        Map<String, String> form = new LinkedHashMap<>();
        // RFC 8628 §3.1: client_id (a public client) and the optional scope
        form.put("client_id", options.clientId);
        if (scope != null && !scope.isBlank()) {
            form.put("scope", scope.trim());
        }
        AuthServer.Answer a = AuthServer.unavailableOnIoError(() -> server.postForm(meta.deviceAuthorizationEndpoint(), form));
        if (!a.ok() || a.json() == null) {
            throw AuthServer.failureOf(a, "The device authorization request was refused");
        }
        return a.json();
    }
}
