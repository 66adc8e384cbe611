package io.wirewatch.ingest.source;

import io.wirewatch.avro.DeadLetter;
import io.wirewatch.avro.Origin;
import io.wirewatch.ingest.metrics.IngestMetrics;
import io.wirewatch.ingest.parse.InputFormat;
import io.wirewatch.ingest.parse.ParseException;
import io.wirewatch.ingest.parse.Parsed;
import io.wirewatch.ingest.parse.Parsers;
import io.wirewatch.ingest.parse.SourceMeta;
import io.wirewatch.ingest.publish.Batch;
import io.wirewatch.platform.deadletter.DeadLetters;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every source does with the bytes it read: parse them and turn what could not be read into dead letters that
 * name the input, the reason and what to do, with the original bytes. No I/O: the source publishes the batch.
 */
public final class Intake {

    private static final Logger LOG = LoggerFactory.getLogger(Intake.class);

    private final Parsers parsers;
    private final DeadLetters deadLetters;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final String instance;
    private final String version;

    public Intake(Parsers parsers, DeadLetters deadLetters, IngestMetrics metrics, Clock clock, String instance,
                  String version) {
        this.parsers = parsers;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.clock = clock;
        this.instance = instance;
        this.version = version;
    }

    public Parsers parsers() {
        return parsers;
    }

    /** Metadata of an input read now. */
    public SourceMeta meta(String source, String location, String name, String contentType) {
        return new SourceMeta(source, location, name, contentType, clock.instant(), instance, version);
    }

    /**
     * Stories and dead letters of one whole input.
     *
     * @param format the format when the source knows it, else null (detected)
     */
    public Batch read(byte[] input, SourceMeta meta, InputFormat format, Place place) {
        long started = System.nanoTime();
        InputFormat actual = parsers.formatOf(format, meta, input);
        try {
            Parsed parsed = parsers.parse(input, meta, actual);
            List<DeadLetter> letters = new ArrayList<>();
            for (ParseException failure : parsed.failures()) {
                letters.add(reject(failure, meta.source(), place, originalOf(failure, input)));
            }
            parsed.warnings().forEach(w -> LOG.warn("{}", w));
            return Batch.of(parsed.stories(), letters);
        } catch (ParseException e) {
            return Batch.of(List.of(), List.of(reject(e, meta.source(), place, input)));
        } finally {
            metrics.parsed(actual.name(), Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** Records the parse time of one JSON Lines line read by a streaming source. */
    public void lineParsed(long nanos) {
        metrics.parsed(InputFormat.JSONL.name(), Duration.ofNanos(nanos));
    }

    /** A dead letter for an input (or part of one) that could not be read. */
    public DeadLetter reject(ParseException e, String source, Place place, byte[] original) {
        Origin.Builder origin = Origin.newBuilder().setSource(source).setLine(e.line());
        if (place == Place.FILE) {
            origin.setFile(e.location());
        } else {
            origin.setUrl(e.location());
        }
        return deadLetters.create(e.reasonCode(), e.getMessage(), origin.build(), null,
                e.getCause() == null ? e : e.getCause(), original);
    }

    /** The bytes of the failing line for a line failure, else the whole input. */
    static byte[] originalOf(ParseException failure, byte[] input) {
        if (failure.line() == null) {
            return input;
        }
        long line = 1;
        int start = 0;
        for (int i = 0; i < input.length; i++) {
            if (input[i] == '\n') {
                if (line == failure.line()) {
                    return Arrays.copyOfRange(input, start, i);
                }
                line++;
                start = i + 1;
            }
        }
        return line == failure.line() ? Arrays.copyOfRange(input, start, input.length) : input;
    }
}
