package io.wirewatch.bench.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarizes the CPU samples ({@code jdk.ExecutionSample}) of JFR recordings: per file, the busiest threads, the
 * methods on top of the stack (self time) and the methods anywhere on the stack (total time, each counted once per
 * sample). {@code JfrHotMethods [--top N] [--filter TEXT] FILE.jfr...}; {@code --filter} keeps samples whose stack
 * holds a frame containing TEXT. Run through {@code bench/jfr-hot.sh}.
 */
public final class JfrHotMethods {

    private JfrHotMethods() {
    }

    public static void main(String[] args) throws IOException {
        int top = 25;
        String filter = null;
        int i = 0;
        while (i < args.length && args[i].startsWith("--")) {
            if (args[i].equals("--top")) {
                top = Integer.parseInt(args[i + 1]);
            } else if (args[i].equals("--filter")) {
                filter = args[i + 1];
            } else {
                throw new IllegalArgumentException("unknown option " + args[i] + "; use --top N, --filter TEXT");
            }
            i += 2;
        }
        for (; i < args.length; i++) {
            summarize(Path.of(args[i]), top, filter);
        }
    }

    static void summarize(Path file, int top, String filter) throws IOException {
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        final String wanted = filter;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            if (wanted != null && frames.stream().noneMatch(f -> name(f).contains(wanted))) {
                continue;
            }
            samples++;
            String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread")
                    .getJavaName();
            threads.merge(thread == null ? "?" : thread.replaceAll("-\\d+", "-N"), 1, Integer::sum);
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (seen.add(name)) {
                    total.merge(name, 1, Integer::sum);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%n=== %s: %d CPU samples%s%n", file.getFileName(), samples,
                filter == null ? "" : " with a frame containing '" + filter + "'");
        print("threads", threads, samples, 10);
        print("self (top of stack)", self, samples, top);
        print("total (anywhere on the stack)", total, samples, top);
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println("-- " + title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "%6.1f%%  %s%n", 100.0 * e.getValue() / samples,
                        e.getKey()));
    }
}
