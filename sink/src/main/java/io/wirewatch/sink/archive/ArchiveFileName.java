package io.wirewatch.sink.archive;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;

/**
 * Names of archive files. A roll is what one partition wrote between two rolls: offsets {@code first..last} of
 * {@code topic-partition}, split by publish date into one file per {@code dt=YYYY-MM-DD/} directory. Every file of a
 * roll carries the roll's range, so the name says which records the file holds: those of that range published that
 * day.
 *
 * <pre>
 * dt=2024-03-05/news.enriched-2-000000000100-000000000199.avro      finished
 * dt=2024-03-05/.news.enriched-2-000000000200.avro.inprogress       being written (hidden; never read)
 * </pre>
 *
 * @param firstOffset first offset of the roll
 * @param lastOffset last offset of the roll (inclusive)
 */
public record ArchiveFileName(String topic, int partition, long firstOffset, long lastOffset) {

    /** Prefix of the per-day directories. */
    public static final String DAY_PREFIX = "dt=";
    /** Suffix of finished files. */
    public static final String SUFFIX = ".avro";
    /** Suffix of files being written. */
    public static final String IN_PROGRESS_SUFFIX = ".avro.inprogress";

    private static final Pattern FINISHED = Pattern.compile("(.+)-(\\d+)-(\\d+)-(\\d+)\\.avro");
    private static final Pattern IN_PROGRESS = Pattern.compile("\\.(.+)-(\\d+)-(\\d+)\\.avro\\.inprogress");

    /** A file being written: the partition and the first offset of its roll. */
    public record InProgress(String topic, int partition, long firstOffset) {
        public boolean belongsTo(TopicPartition tp) {
            return topic.equals(tp.topic()) && partition == tp.partition();
        }
    }

    /** {@code news.enriched-2-000000000100-000000000199.avro}. */
    public String fileName() {
        return String.format("%s-%d-%012d-%012d%s", topic, partition, firstOffset, lastOffset, SUFFIX);
    }

    public boolean belongsTo(TopicPartition tp) {
        return topic.equals(tp.topic()) && partition == tp.partition();
    }

    /** {@code .news.enriched-2-000000000200.avro.inprogress}. */
    public static String inProgressName(TopicPartition tp, long firstOffset) {
        return String.format(".%s-%d-%012d%s", tp.topic(), tp.partition(), firstOffset, IN_PROGRESS_SUFFIX);
    }

    /** The name of a finished file, or empty when {@code name} is not one. */
    public static Optional<ArchiveFileName> parse(String name) {
        Matcher m = FINISHED.matcher(name);
        if (!m.matches() || name.startsWith(".")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ArchiveFileName(m.group(1), Integer.parseInt(m.group(2)),
                    Long.parseLong(m.group(3)), Long.parseLong(m.group(4))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The name of a file being written, or empty when {@code name} is not one. */
    public static Optional<InProgress> parseInProgress(String name) {
        Matcher m = IN_PROGRESS.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new InProgress(m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
