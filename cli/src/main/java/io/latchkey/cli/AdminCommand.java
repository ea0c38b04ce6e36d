package io.latchkey.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code latchkey admin}: operator commands, with a stored login that holds scope {@code admin}. */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = {"Operator commands (need a login with scope admin, which only operators are granted):",
                "  latchkey login --scope \"profile admin\""},
        subcommands = {AdminCommand.Clients.class, AdminCommand.Users.class}, footer = Exit.HELP)
final class AdminCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: clients or users");
    }

    /** Sends an admin request with the stored token and prints the JSON answer; non-2xx exits non-zero. */
    static int send(CommandLine.Model.CommandSpec spec, IssuerOptions options, ApiCommand.Request r) {
        StoredLogin.Called called = new StoredLogin(options.store(), new AuthServer(), options.issuer()).call(r);
        Credentials c = called.credentials();
        AuthServer.Answer a = called.answer();
        var out = spec.commandLine().getOut();
        if (a.ok()) {
            if (a.json() != null) {
                out.println(Json.pretty(a.json()));
            } else if (!a.body().isEmpty()) {
                out.println(a.body());
            }
            out.flush();
            return Exit.OK;
        }
        boolean noAdminScope = a.status() == 403 && ("insufficient_scope".equals(a.error())
                || c.scope() == null || !Arrays.asList(c.scope().split(" ")).contains("admin"));
        if (noAdminScope) {
            throw new CliFailure(Exit.ERROR, "This needs scope admin (" + a.describe() + "). An operator signs in with: "
                    + "latchkey login --scope \"profile admin\"");
        }
        throw AuthServer.failureOf(a, r.method() + " " + r.url().substring(options.issuer().length()));
    }

    @Command(name = "clients", mixinStandardHelpOptions = true, description = "OAuth clients (token-service /admin/clients).")
    static final class Clients {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Command(name = "list", description = "List the clients, a page at a time.")
        int list(@CommandLine.Mixin IssuerOptions options, @Option(names = "--limit", paramLabel = "N") Integer limit,
                 @Option(names = "--cursor", paramLabel = "CURSOR", description = "From the previous page's answer.") String cursor) {
            return send(spec, options, AdminCalls.listClients(options.issuer(), limit, cursor));
        }

        @Command(name = "create", description = "Register a client (RFC 7591 metadata); a confidential client's secret is shown once.")
        int create(@CommandLine.Mixin IssuerOptions options, @Option(names = "--name", required = true, paramLabel = "NAME") String name,
                   @Option(names = "--redirect-uri", paramLabel = "URI") List<String> redirectUris,
                   @Option(names = "--grant-type", paramLabel = "TYPE") List<String> grantTypes,
                   @Option(names = "--auth-method", paramLabel = "METHOD",
                           description = "token_endpoint_auth_method: none (public), client_secret_basic, client_secret_post") String authMethod,
                   @Option(names = "--scope", paramLabel = "SCOPES") String scope) {
            return send(spec, options, AdminCalls.createClient(options.issuer(), name, orEmpty(redirectUris),
                    orEmpty(grantTypes), authMethod, scope));
        }

        @Command(name = "rotate-secret", description = "A new secret (shown once); the old one keeps working for the server's overlap.")
        int rotateSecret(@CommandLine.Mixin IssuerOptions options, @Parameters(paramLabel = "CLIENT_ID") String clientId) {
            return send(spec, options, AdminCalls.rotateSecret(options.issuer(), clientId));
        }

        @Command(name = "disable", description = "Disable a client: every grant and token it holds is revoked.")
        int disable(@CommandLine.Mixin IssuerOptions options, @Parameters(paramLabel = "CLIENT_ID") String clientId) {
            return send(spec, options, AdminCalls.disableClient(options.issuer(), clientId));
        }
    }

    @Command(name = "users", mixinStandardHelpOptions = true, description = "Users (consent-service /admin/users).")
    static final class Users {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Command(name = "find", description = "Find users by email.")
        int find(@CommandLine.Mixin IssuerOptions options, @Option(names = "--email", required = true, paramLabel = "EMAIL") String email) {
            return send(spec, options, AdminCalls.findUsers(options.issuer(), email));
        }

        @Command(name = "disable", description = "Disable a user: their grants are revoked and their sessions end.")
        int disable(@CommandLine.Mixin IssuerOptions options, @Parameters(paramLabel = "USER_ID") String userId) {
            return send(spec, options, AdminCalls.disableUser(options.issuer(), userId));
        }
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? new ArrayList<>() : l;
    }
}
