package io.latchkey.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code latchkey logout}: revokes the refresh token (RFC 7009), then deletes the stored credentials. */
@Command(name = "logout", mixinStandardHelpOptions = true,
        description = "Revoke the session at the server (RFC 7009) and delete the stored credentials.", footer = Exit.HELP)
final class LogoutCommand implements Callable<Integer> {

    @CommandLine.Mixin
    IssuerOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String issuer = options.issuer();
        CredentialStore store = options.store();
        StoredLogin session = new StoredLogin(store, new AuthServer(), issuer);
        // under the lock: a refresh running in another process cannot hand out a successor we did not revoke
        store.locked(issuer, () -> {
            Credentials c = session.stored();
            AuthServer.unavailableOnIoError(() -> {
                session.revoke(c);
                return null;
            });
            store.delete(issuer);
            return null;
        });
        spec.commandLine().getOut().println("Logged out of " + issuer + ": the session is revoked and the credentials deleted.");
        spec.commandLine().getOut().flush();
        return Exit.OK;
    }
}
