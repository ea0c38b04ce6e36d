package io.latchkey.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code latchkey}: sign in with the device flow (RFC 8628), keep the tokens, call the API. */
@Command(name = "latchkey", mixinStandardHelpOptions = true, version = "latchkey " + CliUserAgent.VERSION,
        description = "The Latchkey command-line client: sign in with a device code, then call the API as yourself.",
        subcommands = {LoginCommand.class, StatusCommand.class, TokenCommand.class, ApiCommand.class,
                LogoutCommand.class, AdminCommand.class, CommandLine.HelpCommand.class},
        footer = {"%nCredentials: one file per issuer (mode 0600) in $LATCHKEY_CONFIG_DIR, else",
                "$XDG_CONFIG_HOME/latchkey, else ~/.config/latchkey.", Exit.HELP})
public final class LatchkeyCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: login, status, token, api or logout");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its exit-code mapping: a {@link CliFailure} prints its message and exits with its code. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new LatchkeyCli());
        cl.setExecutionExceptionHandler((e, line, parseResult) -> {
            if (e instanceof CliFailure f) {
                line.getErr().println("latchkey: " + f.getMessage());
                line.getErr().flush();
                return f.exitCode();
            }
            if (e instanceof java.io.UncheckedIOException io) {
                line.getErr().println("latchkey: " + io.getCause().getMessage());
                line.getErr().flush();
                return Exit.ERROR;
            }
            throw e;
        });
        return cl;
    }
}
