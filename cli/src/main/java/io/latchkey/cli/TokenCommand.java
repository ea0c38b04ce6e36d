package io.latchkey.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code latchkey token}: prints a valid access token, refreshing it first when it is about to expire. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Print a valid access token (refreshed first if it expires within 30 s), e.g. for curl -H \"Authorization: Bearer $(latchkey token)\".",
        footer = Exit.HELP)
final class TokenCommand implements Callable<Integer> {

    @CommandLine.Mixin
    IssuerOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Credentials c = new StoredLogin(options.store(), new AuthServer(), options.issuer()).valid();
        spec.commandLine().getOut().println(c.accessToken());
        spec.commandLine().getOut().flush();
        return Exit.OK;
    }
}
