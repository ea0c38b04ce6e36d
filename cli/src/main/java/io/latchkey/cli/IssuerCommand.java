package io.latchkey.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;

/** A command against one issuer: {@code --issuer}, {@code --client-id}, {@code --config-dir}, and its output streams. */
abstract class IssuerCommand implements Callable<Integer> {

    @CommandLine.Mixin
    IssuerOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The stored login for the issuer, over a fresh HTTP client. */
    StoredLogin login() {
        return new StoredLogin(options.store(), new AuthServer(), options.issuer());
    }
}
