package io.wirewatch.platform.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Liveness and readiness of a service. Live: the process works (no fatal error was reported). Ready: every readiness
 * check passes (e.g. the Kafka Streams app is RUNNING, the sink's database answers).
 */
public final class Health {

    /** The outcome of one check: up or down, with a detail a person can act on. */
    public record Check(boolean up, String detail) {
        public static Check up(String detail) {
            return new Check(true, detail);
        }

        public static Check down(String detail) {
            return new Check(false, detail);
        }
    }

    /** A health report: overall status and each check by name. */
    public record Report(boolean up, Map<String, Check> checks) {
    }

    private final Map<String, Supplier<Check>> readiness = new ConcurrentHashMap<>();
    private volatile String fatal;

    /** Adds (or replaces) a readiness check. */
    public void addReadinessCheck(String name, Supplier<Check> check) {
        readiness.put(name, check);
    }

    /** Marks the service as not live: it hit an error it cannot recover from. */
    public void markFatal(String reason) {
        this.fatal = reason;
    }

    public Report live() {
        return fatal == null ? new Report(true, Map.of("process", Check.up("running")))
                : new Report(false, Map.of("process", Check.down(fatal)));
    }

    public Report ready() {
        Map<String, Check> results = new LinkedHashMap<>();
        boolean up = fatal == null;
        if (fatal != null) {
            results.put("process", Check.down(fatal));
        }
        for (Map.Entry<String, Supplier<Check>> entry : new java.util.TreeMap<>(readiness).entrySet()) {
            Check check;
            try {
                check = entry.getValue().get();
            } catch (RuntimeException e) {
                check = Check.down("check failed: " + e);
            }
            results.put(entry.getKey(), check);
            up &= check.up();
        }
        return new Report(up, results);
    }
}
