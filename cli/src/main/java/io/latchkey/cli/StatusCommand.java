package io.latchkey.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code latchkey status}: who is signed in (GET /api/v1/me), with which scopes, until when. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show who you are signed in as, the scopes and when the access token expires.", footer = Exit.HELP)
final class StatusCommand extends IssuerCommand {

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        String issuer = options.issuer();
        CredentialStore store = options.store();
        StoredLogin.Called called = login().call(new ApiCommand.Request("GET", issuer + "/api/v1/me", Map.of(), null));
        Credentials c = called.credentials();
        AuthServer.Answer me = called.answer();
        if (me.status() == 401) {
            throw new CliFailure(Exit.NOT_LOGGED_IN, "The server no longer accepts the stored token (" + me.describe()
                    + "). Run: latchkey login --issuer " + issuer);
        }
        if (me.status() >= 500) {
            throw AuthServer.failureOf(me, "GET /api/v1/me");
        }
        // 403 insufficient_scope: a login without "profile" may not read the profile; the rest is still known
        JsonNode user = me.ok() && me.json() != null ? me.json().get("user") : null;
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("issuer", issuer);
        o.put("client_id", c.clientId());
        if (user != null) {
            o.set("user", user);
        }
        var scopes = o.putArray("scopes");
        if (c.scope() != null) {
            for (String s : c.scope().trim().split("\\s+")) {
                scopes.add(s);
            }
        }
        o.put("expires_at", c.expiresAt().toString());
        o.put("credentials", store.fileFor(issuer).toString());
        var out = out();
        if (json) {
            out.println(Json.pretty(o));
        } else {
            String who = user == null ? "(profile not readable: scope \"profile\" not granted)"
                    : Json.text(user, "email") + (Json.text(user, "display_name") == null ? "" : " (" + Json.text(user, "display_name") + ")");
            out.println("Logged in to " + issuer + " as " + who);
            out.println("  client:       " + c.clientId());
            out.println("  scopes:       " + (c.scope() == null ? "" : c.scope()));
            out.println("  access token: expires " + c.expiresAt() + " (in " + human(Duration.between(Instant.now(), c.expiresAt())) + ")");
            out.println("  credentials:  " + store.fileFor(issuer));
        }
        out.flush();
        return Exit.OK;
    }

    static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? (s / 3600) + "h " + (s % 3600 / 60) + "m" : (s / 60) + "m " + (s % 60) + "s";
    }
}
