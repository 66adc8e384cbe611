package io.wirewatch.platform.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Progress of a long-running command: done/total, named counters, rate and ETA. On a terminal one line is redrawn
 * in place; otherwise (CI logs, pipes) a plain line is printed at most every {@code interval}.
 *
 * <pre>ingest: files 120/1000 (12%) | stories 3,400 | dead letters 3 | 850 stories/s | ETA 0:42</pre>
 */
public final class Progress implements AutoCloseable {

    private final String label;
    private final String unit;
    private final PrintStream out;
    private final boolean terminal;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final long started;
    private final Map<String, Long> counters = new LinkedHashMap<>();
    private long total;
    private long done;
    private long lastPrint;
    private boolean closed;

    /**
     * @param label what is running, e.g. "ingest"
     * @param unit what {@code done} and {@code total} count, e.g. "files"
     * @param total expected units, or -1 when unknown (no percentage or ETA)
     * @param terminal whether {@code out} is a terminal (redraw in place)
     */
    public Progress(String label, String unit, long total, PrintStream out, boolean terminal, Duration interval,
                    LongSupplier nanoClock) {
        this.label = label;
        this.unit = unit;
        this.total = total;
        this.out = out;
        this.terminal = terminal;
        this.intervalNanos = interval.toNanos();
        this.clock = nanoClock;
        this.started = nanoClock.getAsLong();
        this.lastPrint = started;
    }

    /** Progress on stderr, redrawn when stderr is a terminal, else a line every 5 s. */
    public static Progress onStderr(String label, String unit, long total) {
        boolean terminal = System.console() != null;
        return new Progress(label, unit, total, System.err, terminal,
                terminal ? Duration.ofMillis(250) : Duration.ofSeconds(5), System::nanoTime);
    }

    public synchronized void setTotal(long total) {
        this.total = total;
    }

    /** Adds to the main count and prints if it is time. */
    public synchronized void advance(long units) {
        done += units;
        maybePrint();
    }

    /** Adds to a named counter ("stories", "dead letters") and prints if it is time. */
    public synchronized void count(String counter, long delta) {
        counters.merge(counter, delta, Long::sum);
        maybePrint();
    }

    public synchronized long done() {
        return done;
    }

    public synchronized long counter(String counter) {
        return counters.getOrDefault(counter, 0L);
    }

    private void maybePrint() {
        long now = clock.getAsLong();
        if (now - lastPrint >= intervalNanos) {
            lastPrint = now;
            print(false);
        }
    }

    /** The current line, without printing it. */
    public synchronized String line() {
        StringBuilder line = new StringBuilder(label).append(": ").append(unit).append(' ').append(fmt(done));
        if (total >= 0) {
            line.append('/').append(fmt(total));
            if (total > 0) {
                line.append(" (").append(done * 100 / total).append("%)");
            }
        }
        counters.forEach((name, value) -> line.append(" | ").append(name).append(' ').append(fmt(value)));
        double seconds = (clock.getAsLong() - started) / 1e9;
        if (seconds > 0.05) {
            String rateUnit = counters.isEmpty() ? unit : counters.keySet().iterator().next();
            long rateCount = counters.isEmpty() ? done : counters.values().iterator().next();
            line.append(" | ").append(fmt(Math.round(rateCount / seconds))).append(' ').append(rateUnit).append("/s");
            if (total > 0 && done > 0 && done < total) {
                long eta = Math.round(seconds * (total - done) / done);
                line.append(" | ETA ").append(eta / 60).append(':').append(String.format("%02d", eta % 60));
            }
        }
        line.append(" | ").append(String.format("%.1f s", seconds));
        return line.toString();
    }

    private void print(boolean last) {
        if (terminal) {
            out.print("\r\u001b[2K" + line() + (last ? System.lineSeparator() : ""));
        } else {
            out.println(line());
        }
        out.flush();
    }

    /** Prints the final line. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            print(true);
        }
    }

    private static String fmt(long n) {
        return String.format("%,d", n);
    }
}
