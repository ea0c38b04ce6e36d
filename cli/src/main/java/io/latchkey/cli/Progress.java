package io.latchkey.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/** Waiting shown on stderr: a spinner with the time left on a terminal, a plain line per poll otherwise. */
final class Progress {

    private static final String FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

    private final PrintStream out;
    private final boolean terminal;
    private int frame;
    private String lastReason = "";

    Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Sleeps for {@code delay}, showing {@code reason} and the time left until {@code deadline}. */
    void sleep(Duration delay, Instant deadline, String reason) throws InterruptedException {
        Instant until = Instant.now().plus(delay);
        if (!terminal) {
            if (!reason.equals(lastReason) || reason.startsWith("waiting")) {
                out.println(capitalize(reason) + " (" + left(deadline) + " left)");
                lastReason = reason;
            }
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), until).toMillis()));
            return;
        }
        while (Instant.now().isBefore(until)) {
            out.print("\r\033[K" + FRAMES.charAt(frame++ % FRAMES.length()) + " " + capitalize(reason) + " … "
                    + left(deadline) + " left");
            out.flush();
            Thread.sleep(Math.min(100, Math.max(1, Duration.between(Instant.now(), until).toMillis())));
        }
    }

    void done() {
        if (terminal) {
            out.print("\r\033[K");
            out.flush();
        }
    }

    static String left(Instant deadline) {
        long s = Math.max(0, Duration.between(Instant.now(), deadline).toSeconds());
        return String.format("%d:%02d", s / 60, s % 60);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
