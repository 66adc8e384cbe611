package io.wirewatch.bench.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU seconds of a process's threads by thread name (Linux: {@code /proc/<pid>/task/<tid>/stat}, utime + stime in
 * clock ticks of 1/100 s), numbers in names replaced by N so that a thread pool's threads add up. Threads that
 * ended are not counted. Empty where /proc is not there.
 */
final class ThreadCpu {

    private static final double TICKS_PER_SECOND = 100.0;

    private ThreadCpu() {
    }

    static Map<String, Double> of(long pid) {
        Map<String, Double> seconds = new TreeMap<>();
        Path tasks = Path.of("/proc", String.valueOf(pid), "task");
        if (!Files.isDirectory(tasks)) {
            return seconds;
        }
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                String stat;
                try {
                    stat = Files.readString(thread.resolve("stat"), StandardCharsets.US_ASCII);
                } catch (IOException e) {
                    continue; // the thread ended
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String name = stat.substring(open + 1, close).replaceAll("\\d+", "N");
                String[] fields = stat.substring(close + 2).split(" ");
                // fields after the name: state(0) ... utime(11) stime(12)
                double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                seconds.merge(name, cpu, Double::sum);
            }
        } catch (IOException e) {
            return seconds;
        }
        return seconds;
    }

    /** after - before per thread name, largest first, as "name 1.2, other 0.4". */
    static String difference(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> diff = new TreeMap<>();
        after.forEach((k, v) -> diff.put(k, v - before.getOrDefault(k, 0.0)));
        StringBuilder text = new StringBuilder();
        diff.entrySet().stream().filter(e -> e.getValue() >= 0.05)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> text.append(text.length() == 0 ? "" : ", ")
                        .append(String.format(java.util.Locale.ROOT, "%s %.1f", e.getKey(), e.getValue())));
        return text.toString();
    }
}
