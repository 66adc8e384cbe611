package io.wirewatch.ingest.source;

import io.wirewatch.ingest.publish.FileProgress;
import io.wirewatch.ingest.publish.ProgressLog;
import io.wirewatch.platform.progress.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-shot ingest of files and globs (bulk historical dumps): every file exactly once, resumable. Files whose
 * progress record says done are skipped; a JSON Lines file interrupted earlier resumes after its last committed line.
 * Shows progress: files done of total, stories, dead letters, rate and ETA.
 */
public final class FileSource {

    /** What a one-shot run did. */
    public record Summary(int files, int skipped, int unreadable, long stories, long deadLetters, Duration took) {
        @Override
        public String toString() {
            double seconds = Math.max(took.toMillis(), 1) / 1000.0;
            return String.format("ingested %,d files (%,d already done, %,d unreadable): %,d stories, %,d dead "
                            + "letters in %.1f s (%,.0f stories/s)", files, skipped, unreadable, stories, deadLetters,
                    seconds, stories / seconds);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(FileSource.class);
    private static final String KIND = "files";

    private final FileIngestor ingestor;
    private final ProgressLog progressLog;
    private final String source;

    public FileSource(FileIngestor ingestor, ProgressLog progressLog, String source) {
        this.ingestor = ingestor;
        this.progressLog = progressLog;
        this.source = source;
    }

    /**
     * Ingests the files and returns what happened.
     *
     * @param progressFor the progress display for a number of files; closed (final line printed) at the end
     * @throws IllegalArgumentException when an argument matches no file
     * @throws InterruptedException when stopped before the end (what was committed stays committed; a rerun resumes)
     */
    public Summary run(List<String> arguments, LongFunction<Progress> progressFor) throws InterruptedException {
        long started = System.nanoTime();
        List<Path> files = FileGlobs.resolve(arguments);
        try (Progress progress = progressFor.apply(files.size())) {
            return run(files, progress, started);
        }
    }

    private Summary run(List<Path> files, Progress progress, long started) throws InterruptedException {
        Map<Path, String> keys = new LinkedHashMap<>();
        int unreadable = 0;
        for (Path file : files) {
            try {
                keys.put(file, FileKeys.key(KIND, source, file.toString(), FileKeys.hash(file)));
            } catch (IOException e) {
                LOG.error("Cannot read {} ({}); it is skipped: check its permissions and run again", file,
                        e.toString());
                unreadable++;
            }
        }
        Map<String, FileProgress> done = new HashMap<>(progressLog.read(
                Set.copyOf(keys.values()), Duration.ofSeconds(60)));
        List<FileIngestor.Job> jobs = new ArrayList<>();
        keys.forEach((file, key) -> jobs.add(new FileIngestor.Job(file, source, file.toString(), key,
                done.getOrDefault(key, FileProgress.NONE))));
        long[] totals = new long[4];
        ingestor.ingest(jobs, outcome -> {
            if (outcome.unreadable()) {
                LOG.error("Cannot read {} ({}); nothing of it was sent: check the file and run again",
                        outcome.job().file(), outcome.error().toString());
                totals[0]++;
            } else if (outcome.skipped()) {
                totals[1]++;
            }
            totals[2] += outcome.stories();
            totals[3] += outcome.deadLetters();
            progress.count("stories", outcome.stories());
            progress.count("dead letters", outcome.deadLetters());
            progress.advance(1);
        });
        unreadable += (int) totals[0];
        int skipped = (int) totals[1];
        long stories = totals[2];
        long letters = totals[3];
        progress.advance(files.size() - keys.size());
        return new Summary(files.size(), skipped, unreadable, stories, letters,
                Duration.ofNanos(System.nanoTime() - started));
    }
}
