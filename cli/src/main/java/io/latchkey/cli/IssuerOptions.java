package io.latchkey.cli;

import picocli.CommandLine.Option;

/** {@code --issuer} and {@code --client-id}, shared by every command. */
final class IssuerOptions {

    static final String DEFAULT_ISSUER = "http://localhost:8080";
    static final String DEFAULT_CLIENT = "latchkey-cli";

    @Option(names = "--issuer", paramLabel = "URL", defaultValue = DEFAULT_ISSUER,
            description = "The authorization server (the gateway). Default: ${DEFAULT-VALUE}")
    String issuer;

    @Option(names = "--client-id", paramLabel = "ID", defaultValue = DEFAULT_CLIENT,
            description = "The OAuth client to sign in as. Default: ${DEFAULT-VALUE}")
    String clientId;

    @Option(names = "--config-dir", paramLabel = "DIR",
            description = "Where credentials live. Default: $LATCHKEY_CONFIG_DIR, else $XDG_CONFIG_HOME/latchkey, else ~/.config/latchkey")
    java.nio.file.Path configDir;

    String issuer() {
        return AuthServer.normalizeIssuer(issuer);
    }

    CredentialStore store() {
        return new CredentialStore(configDir != null ? configDir.toAbsolutePath() : ConfigDirs.fromEnvironment());
    }
}
