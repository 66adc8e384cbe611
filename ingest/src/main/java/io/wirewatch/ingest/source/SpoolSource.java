package io.wirewatch.ingest.source;

import io.wirewatch.ingest.metrics.IngestMetrics;
import io.wirewatch.ingest.publish.FileProgress;
import io.wirewatch.ingest.publish.ProgressLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a spool directory: every regular file dropped into it (names starting with '.' and ending in .tmp or
 * .part are ignored while they are being written) is ingested exactly once by {@link FileIngestor}, then moved to
 * {@code done/}, or to {@code failed/} when it gave dead letters only. Order: by name. At startup the progress topic
 * is read for the files present, so a file committed just before a crash (but not yet moved) is only moved, and a
 * file not committed is read again: a restart neither re-sends nor skips a file. One thread.
 */
public final class SpoolSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolSource.class);
    private static final String KIND = "spool";
    static final int FILES_PER_PASS = 1000;

    private final Path dir;
    private final Path doneDir;
    private final Path failedDir;
    private final String source;
    private final Duration poll;
    private final FileIngestor ingestor;
    private final ProgressLog progressLog;
    private final IngestMetrics metrics;
    private final Consumer<Throwable> onFatal;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Object wakeUp = new Object();
    private volatile boolean running;
    private volatile boolean caughtUp;
    private Thread thread;

    public SpoolSource(Path dir, String source, Duration poll, FileIngestor ingestor, ProgressLog progressLog,
                       IngestMetrics metrics, Consumer<Throwable> onFatal) {
        this.dir = dir;
        this.doneDir = dir.resolve("done");
        this.failedDir = dir.resolve("failed");
        this.source = source;
        this.poll = poll;
        this.ingestor = ingestor;
        this.progressLog = progressLog;
        this.metrics = metrics;
        this.onFatal = onFatal;
    }

    /** Creates the directories, reads the progress of the files present and starts watching. */
    public void start() {
        try {
            Files.createDirectories(doneDir);
            Files.createDirectories(failedDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the spool directories under " + dir + ": " + e
                    .getMessage() + "; check ingest.spool.dir and its permissions", e);
        }
        running = true;
        thread = new Thread(this::loop, "ingest-spool");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Watching spool directory {} (source '{}')", dir, source);
    }

    /** True once a pass found no more files than it could take (for readiness). */
    public boolean caughtUp() {
        return caughtUp;
    }

    private void loop() {
        try {
            Map<String, FileProgress> known = recover();
            while (running) {
                boolean progressed = running && pass(known);
                if (!progressed && running) {
                    synchronized (wakeUp) {
                        wakeUp.wait(poll.toMillis());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (running) {
                LOG.error("The spool source stops: {}", e.getMessage(), e);
                onFatal.accept(e);
            }
        } finally {
            stopped.countDown();
        }
    }

    /** Progress of the files present at startup, from the progress topic. */
    private Map<String, FileProgress> recover() throws InterruptedException {
        Set<String> keys = new HashSet<>();
        for (Path file : pending()) {
            try {
                keys.add(keyOf(file));
            } catch (IOException e) {
                LOG.warn("Cannot read spool file {} yet ({}); will try again", file, e.toString());
            }
        }
        while (running) {
            try {
                Map<String, FileProgress> progress = new HashMap<>(progressLog.read(keys, Duration.ofSeconds(30)));
                long done = progress.values().stream().filter(FileProgress::complete).count();
                if (done > 0) {
                    LOG.info("{} spool file(s) were committed before the last stop; moving them without re-sending",
                            done);
                }
                return progress;
            } catch (KafkaException e) {
                LOG.warn("Cannot read the progress topic yet ({}); retrying before reading the spool", e.toString());
                synchronized (wakeUp) {
                    wakeUp.wait(poll.toMillis());
                }
            }
        }
        return new HashMap<>();
    }

    /**
     * Ingests and moves up to {@value #FILES_PER_PASS} pending files; false when none could be handled.
     *
     * @param known committed progress of files still in the spool: read at startup, kept for JSON Lines files that
     *     failed half-way (so a retry resumes), forgotten once a file is moved
     */
    private boolean pass(Map<String, FileProgress> known) throws InterruptedException {
        List<FileIngestor.Job> jobs = new ArrayList<>();
        List<Path> files = pending();
        for (Path file : files) {
            if (jobs.size() >= FILES_PER_PASS) {
                break;
            }
            try {
                String key = keyOf(file);
                jobs.add(new FileIngestor.Job(file, source, file.toString(), key,
                        known.getOrDefault(key, FileProgress.NONE)));
            } catch (IOException e) {
                LOG.warn("Cannot read spool file {} ({}); will try again", file, e.toString());
            }
        }
        boolean[] handled = {false};
        ingestor.ingest(jobs, outcome -> {
            if (outcome.unreadable()) {
                LOG.warn("Cannot read spool file {} ({}); {} lines of it are committed, will try again",
                        outcome.job().file(), outcome.error().toString(), outcome.committed().lines());
                known.put(outcome.job().progressKey(), outcome.committed());
                return;
            }
            known.remove(outcome.job().progressKey());
            move(outcome.job().file(), outcome.failed() ? failedDir : doneDir);
            metrics.spoolFile(outcome.skipped() ? "recovered" : outcome.failed() ? "failed" : "done");
            handled[0] = true;
        });
        if (files.size() <= FILES_PER_PASS) {
            caughtUp = true;
        }
        return handled[0];
    }

    private String keyOf(Path file) throws IOException {
        return FileKeys.key(KIND, source, file.getFileName().toString(), FileKeys.hash(file));
    }

    private List<Path> pending() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && !name.startsWith(".") && !name.endsWith(".tmp")
                        && !name.endsWith(".part")) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot list the spool directory {} ({}); will try again", dir, e.toString());
        }
        files.sort(null);
        return files;
    }

    private static void move(Path file, Path targetDir) {
        Path target = targetDir.resolve(file.getFileName());
        try {
            try {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.move(file, targetDir.resolve(file.getFileName() + "." + System.currentTimeMillis()),
                        StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            // the progress record is committed: on the next pass the file is recognised and only moved
            LOG.warn("Cannot move {} to {} ({}); it is committed and will not be re-sent", file, targetDir,
                    e.toString());
        }
    }

    /** Stops after the file in hand; what was committed stays, what was not is read again on restart. */
    public void close(Duration timeout) {
        running = false;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        if (thread != null) {
            try {
                if (!stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    thread.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
