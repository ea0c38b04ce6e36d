package io.latchkey.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** The real command line against a fresh {@link RfcServer}, with its own config directory and captured output. */
abstract class CliAgainstServer {

    @TempDir
    Path config;

    RfcServer server;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void startServer() throws Exception {
        server = new RfcServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** Runs {@code latchkey args…}; a command (not a bare option) gets {@code --issuer} the server and {@code --config-dir}. */
    int run(String... args) {
        CommandLine cl = LatchkeyCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(args));
        if (args.length > 0 && !args[0].startsWith("-")) {
            all.addAll(List.of("--issuer", server.issuer, "--config-dir", config.toString()));
        }
        return cl.execute(all.toArray(String[]::new));
    }

    CredentialStore store() {
        return new CredentialStore(config);
    }
}
