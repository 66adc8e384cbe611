package io.wirewatch.ingest.source;

import io.wirewatch.avro.DeadLetter;
import io.wirewatch.avro.RawStory;
import io.wirewatch.ingest.parse.FormatDetector;
import io.wirewatch.ingest.parse.InputFormat;
import io.wirewatch.ingest.parse.ParseException;
import io.wirewatch.ingest.parse.Parsers;
import io.wirewatch.ingest.parse.SourceMeta;
import io.wirewatch.ingest.parse.TextDecoder;
import io.wirewatch.ingest.publish.Batch;
import io.wirewatch.ingest.publish.FileProgress;
import io.wirewatch.ingest.publish.Receipt;
import io.wirewatch.ingest.publish.StoryPublisher;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Ingests files, each exactly once: the stories and dead letters of a file are committed in the same transaction as
 * a progress record keyed by the file's content, so a crash before the commit leaves nothing visible and the file is
 * read again, and a crash after it leaves the progress record that makes the next run skip the file. Small files are
 * grouped, up to {@code maxFilesPerTransaction} files and {@code maxBytesPerTransaction} bytes, into one transaction
 * (commit latency, not parsing, bounds the rate of small files). JSON Lines files are streamed alone in batches of
 * {@code jsonlBatchLines} lines, each batch committed with the count of lines done, so a restart resumes after the
 * last committed line. Other files are read whole up to the input limit; a larger file becomes one TOO_LARGE dead
 * letter holding its first bytes.
 */
public final class FileIngestor {

    /** One file to ingest, with how it is named and what earlier runs committed for it. */
    public record Job(Path file, String source, String location, String progressKey, FileProgress done) {
    }

    /**
     * What became of one file.
     *
     * @param committed the file's progress as committed now (for a JSON Lines file that failed half-way: the lines
     *     done, so a retry resumes after them)
     */
    public record Outcome(Job job, long stories, long deadLetters, boolean skipped, IOException error,
                          FileProgress committed) {
        /** True when the file gave dead letters only (spool: move to failed/). */
        public boolean failed() {
            return error == null && stories == 0 && deadLetters > 0;
        }

        /** True when the file could not be read; nothing of it was committed. */
        public boolean unreadable() {
            return error != null;
        }
    }

    private final Intake intake;
    private final StoryPublisher publisher;
    private final int jsonlBatchLines;
    private final int maxFilesPerTransaction;
    private final long maxBytesPerTransaction;

    public FileIngestor(Intake intake, StoryPublisher publisher, int jsonlBatchLines, int maxFilesPerTransaction,
                        long maxBytesPerTransaction) {
        this.intake = intake;
        this.publisher = publisher;
        this.jsonlBatchLines = jsonlBatchLines;
        this.maxFilesPerTransaction = maxFilesPerTransaction;
        this.maxBytesPerTransaction = maxBytesPerTransaction;
    }

    /**
     * Ingests the files in order and reports each once it is committed (or skipped as done, or unreadable).
     *
     * @throws InterruptedException when the service stops before everything is committed (what is reported stays
     *     committed; the rest is read again next time)
     */
    public void ingest(List<Job> jobs, Consumer<Outcome> reported) throws InterruptedException {
        List<Job> groupJobs = new ArrayList<>();
        List<Batch> groupBatches = new ArrayList<>();
        long groupBytes = 0;
        for (Job job : jobs) {
            if (job.done().complete()) {
                reported.accept(new Outcome(job, 0, 0, true, null, job.done()));
                continue;
            }
            long size;
            InputFormat format;
            try {
                size = Files.size(job.file());
                byte[] head = readHead(job.file(), 8 * 1024);
                format = FormatDetector.detect(null, job.file().getFileName().toString(), head);
                if (format == InputFormat.JSONL && !TextDecoder.hasUtf16Bom(head)) {
                    flush(groupJobs, groupBatches, reported);
                    groupBytes = 0;
                    reported.accept(streamJsonLines(job));
                    continue;
                }
                if (!groupJobs.isEmpty() && (groupJobs.size() >= maxFilesPerTransaction
                        || groupBytes + size > maxBytesPerTransaction)) {
                    flush(groupJobs, groupBatches, reported);
                    groupBytes = 0;
                }
                groupBatches.add(read(job, size, format));
                groupJobs.add(job);
                groupBytes += size;
            } catch (IOException e) {
                reported.accept(new Outcome(job, 0, 0, false, e, job.done()));
            }
        }
        flush(groupJobs, groupBatches, reported);
    }

    /** One file; see {@link #ingest(List, Consumer)}. */
    public Outcome ingest(Job job) throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        ingest(List.of(job), outcomes::add);
        return outcomes.get(0);
    }

    private Batch read(Job job, long size, InputFormat format) throws IOException {
        Parsers parsers = intake.parsers();
        Batch batch;
        if (size > parsers.maxInputBytes()) {
            ParseException tooLarge = Parsers.tooLarge(job.location(), size, parsers.maxInputBytes());
            byte[] prefix = readHead(job.file(), (int) Math.min(size, 256 * 1024));
            batch = Batch.of(List.of(), List.of(intake.reject(tooLarge, job.source(), Place.FILE, prefix)));
        } else {
            SourceMeta meta = intake.meta(job.source(), job.location(), job.file().getFileName().toString(), null);
            batch = intake.read(Files.readAllBytes(job.file()), meta, format, Place.FILE);
        }
        FileProgress progress = job.done().plus(0, true, batch.stories().size(), batch.deadLetters().size());
        return batch.withProgress(job.progressKey(), progress.encode());
    }

    private void flush(List<Job> jobs, List<Batch> batches, Consumer<Outcome> reported) throws InterruptedException {
        if (jobs.isEmpty()) {
            return;
        }
        Batch all = Batch.of(List.of(), List.of());
        for (Batch batch : batches) {
            all = all.plus(batch);
        }
        publisher.publish(all);
        for (int i = 0; i < jobs.size(); i++) {
            Batch batch = batches.get(i);
            reported.accept(new Outcome(jobs.get(i), batch.stories().size(), batch.deadLetters().size(), false,
                    null, FileProgress.decode(batch.progress().get(jobs.get(i).progressKey()))));
        }
        jobs.clear();
        batches.clear();
    }

    /** Streams a JSON Lines file; a read error half-way is an outcome carrying the progress committed so far. */
    private Outcome streamJsonLines(Job job) throws InterruptedException {
        FileProgress[] committed = {job.done()};
        long[] counts = new long[2];
        try {
            return streamJsonLines(job, committed, counts);
        } catch (IOException e) {
            return new Outcome(job, counts[0], counts[1], false, e, committed[0]);
        }
    }

    private Outcome streamJsonLines(Job job, FileProgress[] committed, long[] counts)
            throws IOException, InterruptedException {
        SourceMeta meta = intake.meta(job.source(), job.location(), job.file().getFileName().toString(), null);
        FileProgress done = job.done();
        String progressKey = job.progressKey();
        Path file = job.file();
        Parsers parsers = intake.parsers();
        int maxLine = (int) Math.min(Integer.MAX_VALUE - 8, parsers.maxInputBytes());
        FileProgress progress = done;
        long stories = 0;
        long letters = 0;
        List<RawStory> batchStories = new ArrayList<>();
        List<DeadLetter> batchLetters = new ArrayList<>();
        long lineNumber = 0;
        long batchLines = 0;
        boolean anyContent = false;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            BoundedLineReader reader = new BoundedLineReader(in, maxLine);
            BoundedLineReader.Line line;
            while ((line = reader.next()) != null) {
                lineNumber++;
                if (lineNumber <= done.lines()) {
                    anyContent = true;
                    continue;
                }
                batchLines++;
                readLine(line, lineNumber, meta, batchStories, lineNumber == 1, batchLetters);
                anyContent |= !isBlank(line.bytes());
                if (batchLines >= jsonlBatchLines) {
                    progress = progress.plus(batchLines, false, batchStories.size(), batchLetters.size());
                    Receipt receipt = publisher.publish(Batch.of(batchStories, batchLetters)
                            .withProgress(progressKey, progress.encode()));
                    stories += receipt.storyIds().size();
                    letters += receipt.deadLetterReasons().size();
                    committed[0] = progress;
                    counts[0] = stories;
                    counts[1] = letters;
                    batchStories.clear();
                    batchLetters.clear();
                    batchLines = 0;
                }
            }
        }
        if (!anyContent) {
            ParseException empty = new ParseException(ParseException.Reason.EMPTY, meta.location(), null,
                    "the JSON Lines file holds no story; send one JSON object per line");
            batchLetters.add(intake.reject(empty, meta.source(), Place.FILE, new byte[0]));
        }
        progress = progress.plus(batchLines, true, batchStories.size(), batchLetters.size());
        Receipt receipt = publisher.publish(Batch.of(batchStories, batchLetters)
                .withProgress(progressKey, progress.encode()));
        return new Outcome(job, stories + receipt.storyIds().size(), letters + receipt.deadLetterReasons().size(),
                false, null, progress);
    }

    private void readLine(BoundedLineReader.Line line, long lineNumber, SourceMeta meta, List<RawStory> stories,
                          boolean first, List<DeadLetter> letters) {
        byte[] bytes = first ? TextDecoder.withoutUtf8Bom(line.bytes()) : line.bytes();
        if (isBlank(bytes)) {
            return;
        }
        if (line.cut()) {
            ParseException tooLarge = Parsers.tooLarge(meta.location(), line.length(), intake.parsers()
                    .maxInputBytes()).atLine(lineNumber);
            letters.add(intake.reject(tooLarge, meta.source(), Place.FILE, bytes));
            return;
        }
        long started = System.nanoTime();
        try {
            stories.add(intake.parsers().jsonLines().parseLine(bytes, lineNumber, meta));
        } catch (ParseException e) {
            letters.add(intake.reject(e, meta.source(), Place.FILE, bytes));
        } catch (RuntimeException e) {
            ParseException unreadable = new ParseException(ParseException.Reason.UNREADABLE, meta.location(),
                    lineNumber, "the JSONL reader failed on this line (" + e + "); report it as a wirewatch bug", e);
            letters.add(intake.reject(unreadable, meta.source(), Place.FILE, bytes));
        } finally {
            intake.lineParsed(System.nanoTime() - started);
        }
    }

    private static byte[] readHead(Path file, int max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max);
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
