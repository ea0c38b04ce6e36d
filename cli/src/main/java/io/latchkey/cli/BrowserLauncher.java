package io.latchkey.cli;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Opens a URL in the user's browser where there is one: {@code open} on macOS, {@code xdg-open} with a display on Linux. */
final class BrowserLauncher {

    private BrowserLauncher() {
    }

    /** The command that would open {@code url}, or empty when there is no display to open it on. */
    static Optional<List<String>> command(String url, String osName, Map<String, String> env) {
        String os = osName.toLowerCase();
        if (os.contains("mac")) {
            return Optional.of(List.of("open", url));
        }
        if (os.contains("windows")) {
            return Optional.of(List.of("rundll32", "url.dll,FileProtocolHandler", url));
        }
        boolean display = notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"));
        return display ? Optional.of(List.of("xdg-open", url)) : Optional.empty();
    }

    /** True when a browser was started. Its output goes nowhere: it must not mix with ours. */
    static boolean open(String url) {
        Optional<List<String>> cmd = command(url, System.getProperty("os.name", ""), System.getenv());
        if (cmd.isEmpty()) {
            return false;
        }
        try {
            new ProcessBuilder(cmd.get()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
