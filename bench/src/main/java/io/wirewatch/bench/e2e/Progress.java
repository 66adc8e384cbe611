package io.wirewatch.bench.e2e;

import java.io.PrintStream;
import java.util.Locale;

/** Progress lines on stderr, each with the seconds since the benchmark started and the current phase. */
final class Progress {

    private final PrintStream out;
    private final long started = System.nanoTime();
    private volatile String phase = "";

    Progress(PrintStream out) {
        this.out = out;
    }

    void phase(String phase) {
        this.phase = phase;
        line("---");
    }

    void line(String message) {
        out.printf(Locale.ROOT, "[%6.1f s] %s%s%n", (System.nanoTime() - started) / 1e9,
                phase.isEmpty() ? "" : phase + ": ", message);
        out.flush();
    }
}
