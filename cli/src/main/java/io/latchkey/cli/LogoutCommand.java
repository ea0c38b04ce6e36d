package io.latchkey.cli;


import picocli.CommandLine.Command;

/** {@code latchkey logout}: revokes the refresh token (RFC 7009), then deletes the stored credentials. */
@Command(name = "logout", mixinStandardHelpOptions = true,
        description = "Revoke the session at the server (RFC 7009) and delete the stored credentials.", footer = Exit.HELP)
final class LogoutCommand extends IssuerCommand {

    @Override
    public Integer call() {
        String issuer = options.issuer();
        CredentialStore store = options.store();
        StoredLogin session = login();
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
        out().println("Logged out of " + issuer + ": the session is revoked and the credentials deleted.");
        out().flush();
        return Exit.OK;
    }
}
