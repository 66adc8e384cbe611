package io.wirewatch.bench.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap figures from a unified GC log ({@code -Xlog:gc:file=...}): every collection logs the heap before and after it
 * and the heap's committed size ({@code Pause Young (Normal) (G1 Evacuation Pause) 120M->31M(256M) 4.1ms}). The
 * largest "before" is the peak heap in use (G1 lets the young generation fill what the heap allows before it
 * collects); the largest "after" is the most that stayed live across a collection, i.e. what the service needs.
 * Nothing is sampled, so nothing is missed between samples and the service pays nothing for it.
 */
record GcLog(int collections, long peakBeforeBytes, long peakAfterBytes, long maxCommittedBytes, int fullCollections) {

    private static final Pattern HEAP = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    static GcLog read(Path log) {
        try {
            return parse(Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "");
        } catch (IOException e) {
            return new GcLog(0, -1, -1, -1, 0);
        }
    }

    static GcLog parse(String text) {
        int collections = 0;
        int full = 0;
        long before = -1;
        long after = -1;
        long committed = -1;
        for (String line : text.split("\n")) {
            Matcher m = HEAP.matcher(line);
            if (!m.find()) {
                continue;
            }
            collections++;
            if (line.contains("Pause Full")) {
                full++;
            }
            before = Math.max(before, bytes(m.group(1), m.group(2)));
            after = Math.max(after, bytes(m.group(3), m.group(4)));
            committed = Math.max(committed, bytes(m.group(5), m.group(6)));
        }
        return new GcLog(collections, before, after, committed, full);
    }

    private static long bytes(String number, String unit) {
        long value = Long.parseLong(number);
        return switch (unit) {
            case "K" -> value * 1024;
            case "M" -> value * 1024 * 1024;
            default -> value * 1024 * 1024 * 1024;
        };
    }
}
