package io.latchkey.cli;


import picocli.CommandLine.Command;

/** {@code latchkey token}: prints a valid access token, refreshing it first when it is about to expire. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Print a valid access token (refreshed first if it expires within 30 s), e.g. for curl -H \"Authorization: Bearer $(latchkey token)\".",
        footer = Exit.HELP)
final class TokenCommand extends IssuerCommand {

    @Override
    public Integer call() {
        Credentials c = login().valid();
        out().println(c.accessToken());
        out().flush();
        return Exit.OK;
    }
}
