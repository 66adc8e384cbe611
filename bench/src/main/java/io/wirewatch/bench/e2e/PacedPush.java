package io.wirewatch.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Feeds ingest at a fixed rate through {@code POST /stories} (one story per request, plain wire text, as a live wire
 * feed would) and watches PostgreSQL for each story to appear. Open loop: request i is due at start + i / rate
 * whether or not earlier ones were answered, and its latency counts from when it was due, so a stall is not hidden
 * by the sender slowing down. Two latencies per story:
 * <ul>
 *   <li>push-to-visible: from the moment the request was due to the first poll of the table that saw the row (polls
 *       every 20 ms; an upper bound within one poll);</li>
 *   <li>ingest-to-store: {@code stories.stored_at - stories.received_at} (ingest's clock when it read the request,
 *       PostgreSQL's transaction start in the sink; both on this machine's clock).</li>
 * </ul>
 */
final class PacedPush {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** What a latency run measured. */
    record Result(double rate, int offered, int accepted, int refused, double seconds, double achievedRate,
                  Percentiles pushToVisibleMs, Percentiles ingestToStoreMs, Percentiles responseMs, int missing,
                  Percentiles ingestToEnrichMs, Percentiles enrichToStoreMs, Map<String, Double> cpuSeconds,
                  double cpuWallSeconds, double jitCpuSeconds) {

        /**
         * This result with the CPU seconds each process spent during the phase's wall time (pushes and drain), and
         * the part of them the JVMs' JIT compiler threads spent.
         */
        Result withCpu(Map<String, Double> cpu, double wallSeconds, double jitSeconds) {
            return new Result(rate, offered, accepted, refused, seconds, achievedRate, pushToVisibleMs,
                    ingestToStoreMs, responseMs, missing, ingestToEnrichMs, enrichToStoreMs,
                    Collections.unmodifiableMap(new LinkedHashMap<>(cpu)),
                    wallSeconds, jitSeconds);
        }
    }

    private final URI endpoint;
    private final String token;
    private final String source;
    private final Progress progress;

    PacedPush(String ingestUrl, String token, String source, Progress progress) {
        this.endpoint = URI.create(ingestUrl + "/stories?source=" + URLEncoder.encode(source, StandardCharsets.UTF_8));
        this.token = token;
        this.source = source;
        this.progress = progress;
    }

    Result run(List<String> bodies, double rate, StoryTable table, Duration drainTimeout)
            throws InterruptedException, SQLException {
        ExecutorService executor = Executors.newFixedThreadPool(4);
        HttpClient http = client(executor);
        Map<String, Long> dueById = new ConcurrentHashMap<>();
        Map<String, Long> visibleById = new ConcurrentHashMap<>();
        List<Double> responseMs = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        Poller poller = new Poller(table, visibleById);
        Thread pollerThread = new Thread(poller, "latency-poller");
        pollerThread.start();
        long period = (long) (1e9 / rate);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        long lastReport = start;
        try {
            for (int i = 0; i < bodies.size(); i++) {
                long due = start + i * period;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                HttpRequest request = push(bodies.get(i));
                answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, e) -> {
                    responseMs.add((System.nanoTime() - due) / 1e6);
                    if (e != null || response.statusCode() != 202) {
                        refused.incrementAndGet();
                        if (refused.get() <= 3) {
                            progress.line("push refused: " + (e != null ? e.toString()
                                    : response.statusCode() + " " + response.body()));
                        }
                        return null;
                    }
                    for (String id : ids(response.body())) {
                        dueById.put(id, due);
                        accepted.incrementAndGet();
                    }
                    return null;
                }));
                long now = System.nanoTime();
                if (now - lastReport > TimeUnit.SECONDS.toNanos(2)) {
                    progress.line(String.format(java.util.Locale.ROOT, "pushed %d/%d at %.0f/s, %d accepted, %d in "
                            + "PostgreSQL", i + 1, bodies.size(), rate, accepted.get(), visibleById.size()));
                    lastReport = now;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            try {
                CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
                progress.line("not every push was answered within 60 s: " + e);
            }
            long deadline = System.nanoTime() + drainTimeout.toNanos();
            while (!visibleById.keySet().containsAll(dueById.keySet()) && System.nanoTime() < deadline) {
                if (poller.failure != null) {
                    throw new IllegalStateException("Polling PostgreSQL failed: " + poller.failure, poller.failure);
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
            poller.stop();
            pollerThread.join(5_000);
            List<Double> pushToVisible = new ArrayList<>();
            int missing = 0;
            for (Map.Entry<String, Long> entry : dueById.entrySet()) {
                Long visible = visibleById.get(entry.getKey());
                if (visible == null) {
                    missing++;
                } else {
                    pushToVisible.add((visible - entry.getValue()) / 1e6);
                }
            }
            List<Double> ingestToStore = new ArrayList<>();
            List<Double> ingestToEnrich = new ArrayList<>();
            List<Double> enrichToStore = new ArrayList<>();
            for (StoryTable.Stored row : table.all(source)) {
                if (dueById.containsKey(row.id())) {
                    ingestToStore.add(row.ingestToStoreMs());
                    ingestToEnrich.add(row.ingestToEnrichMs());
                    enrichToStore.add(row.enrichToStoreMs());
                }
            }
            return new Result(rate, bodies.size(), accepted.get(), refused.get(), seconds, bodies.size() / seconds,
                    Percentiles.of(pushToVisible), Percentiles.of(ingestToStore), Percentiles.of(responseMs), missing,
                    Percentiles.of(ingestToEnrich), Percentiles.of(enrichToStore), Map.of(), 0, 0);
        } finally {
            poller.stop();
            executor.shutdownNow();
        }
    }

    /**
     * Pushes every body, closed loop with at most {@code concurrency} in flight, and waits for every answer: untimed
     * traffic so that the JIT of ingest, of this JVM's HTTP client and of the broker has compiled the push path
     * before a timed phase. A cold push path costs several times the CPU of a warm one on two cores: measured at
     * 200/s, ~0.85 of the two cores went to compiler threads (this JVM 0.5, ingest 0.35) and pushes queued for
     * seconds (p50 10-14 s); after 10,000 warm-up pushes the same phase had push-to-visible p50 186 ms and the
     * compiler threads still used ~20% of the CPU (the long tail of methods that reach C2's thresholds slowly).
     *
     * @throws IllegalStateException when a push is refused (the warm-up is meant to be plain traffic)
     */
    void warmUp(List<String> bodies, int concurrency) throws InterruptedException {
        ExecutorService executor = Executors.newFixedThreadPool(4);
        HttpClient http = client(executor);
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger answered = new AtomicInteger();
        AtomicReference<String> refusal = new AtomicReference<>();
        long lastReport = System.nanoTime();
        try {
            for (String body : bodies) {
                inFlight.acquire();
                if (refusal.get() != null) {
                    break;
                }
                HttpRequest request = push(body);
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, e) -> {
                    if (e != null || response.statusCode() != 202) {
                        refusal.compareAndSet(null, e != null ? e.toString()
                                : response.statusCode() + " " + response.body());
                    }
                    answered.incrementAndGet();
                    inFlight.release();
                });
                long now = System.nanoTime();
                if (now - lastReport > TimeUnit.SECONDS.toNanos(2)) {
                    progress.line("push warm-up: " + answered.get() + "/" + bodies.size() + " answered");
                    lastReport = now;
                }
            }
            inFlight.acquire(concurrency);
            if (refusal.get() != null) {
                throw new IllegalStateException("push warm-up: ingest refused a push: " + refusal.get());
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static HttpClient client(ExecutorService executor) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** One story as plain wire text, the way a wire feed pushes it. */
    private HttpRequest push(String body) {
        return HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private static List<String> ids(String body) {
        try {
            List<String> ids = new ArrayList<>();
            for (JsonNode id : JSON.readTree(body).path("ids")) {
                ids.add(id.asText());
            }
            return ids;
        } catch (IOException e) {
            throw new IllegalStateException("ingest answered 202 with a body that is not JSON: " + body, e);
        }
    }

    /** Polls the table every 20 ms and notes when each new row was first seen (the poll's start). */
    private final class Poller implements Runnable {
        private final StoryTable table;
        private final Map<String, Long> visibleById;
        private final Instant startedAt = Instant.now();
        private volatile boolean running = true;
        private volatile Exception failure;

        Poller(StoryTable table, Map<String, Long> visibleById) {
            this.table = table;
            this.visibleById = visibleById;
        }

        @Override
        public void run() {
            Instant since = startedAt;
            try {
                while (running) {
                    long polled = System.nanoTime();
                    Instant newest = since;
                    for (StoryTable.Stored row : table.storedSince(source, since)) {
                        visibleById.putIfAbsent(row.id(), polled);
                        if (row.storedAt().isAfter(newest)) {
                            newest = row.storedAt();
                        }
                    }
                    // stored_at is the transaction's start: a transaction that began earlier may commit later
                    since = newest.minusSeconds(5).isAfter(since) ? newest.minusSeconds(5) : since;
                    LockSupport.parkNanos(Math.max(0, polled + POLL_NANOS - System.nanoTime()));
                }
            } catch (SQLException | RuntimeException e) {
                failure = e;
            }
        }

        void stop() {
            running = false;
        }
    }
}
