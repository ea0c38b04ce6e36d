package io.latchkey.cli;

import java.nio.file.Path;
import java.util.Map;

/** Where the credentials live: {@code $LATCHKEY_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/latchkey}, else {@code ~/.config/latchkey}. */
public final class ConfigDirs {

    private ConfigDirs() {
    }

    public static Path resolve(Map<String, String> env, String userHome) {
        String explicit = env.get("LATCHKEY_CONFIG_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath();
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        // XDG Base Directory spec: a relative $XDG_CONFIG_HOME is invalid and must be ignored
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "latchkey");
        }
        return Path.of(userHome, ".config", "latchkey");
    }

    static Path fromEnvironment() {
        return resolve(System.getenv(), System.getProperty("user.home"));
    }
}
