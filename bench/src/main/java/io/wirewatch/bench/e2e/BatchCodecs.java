package io.wirewatch.bench.e2e;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.common.Node;

/**
 * How the broker stored a topic's batches (compression codec of the record batches in partition 0's first segment),
 * read from the embedded broker's log directory: proof of what a compression setting did.
 */
final class BatchCodecs {

    private static final String[] CODECS = {"none", "gzip", "snappy", "lz4", "zstd"};

    private BatchCodecs() {
    }

    /** "topic: gzip x12, none x3 (control batches)" per topic. */
    static String describe(String bootstrap, Collection<String> topics) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<Integer> brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).stream()
                    .map(Node::id).toList();
            Map<Integer, Map<String, LogDirDescription>> dirs = admin.describeLogDirs(brokers).allDescriptions()
                    .get(30, TimeUnit.SECONDS);
            StringBuilder text = new StringBuilder();
            for (String topic : topics) {
                for (String dir : dirs.values().iterator().next().keySet()) {
                    Path partition = Path.of(dir, topic + "-0");
                    if (Files.isDirectory(partition)) {
                        text.append(text.length() == 0 ? "" : "; ").append(topic).append(": ")
                                .append(codecs(partition));
                    }
                }
            }
            return text.toString();
        } catch (ExecutionException | TimeoutException | IOException e) {
            return "(cannot read the log directory: " + e + ")";
        }
    }

    private static Map<String, Integer> codecs(Path partition) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        try (Stream<Path> files = Files.list(partition)) {
            Path log = files.filter(f -> f.toString().endsWith(".log")).sorted().findFirst().orElse(null);
            if (log == null) {
                return counts;
            }
            try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
                ByteBuffer header = ByteBuffer.allocate(23);
                long position = 0;
                int batches = 0;
                while (batches++ < 200 && channel.read(header.clear(), position) == 23) {
                    header.flip();
                    int length = header.getInt(8);
                    if (length <= 0) {
                        break;
                    }
                    short attributes = header.getShort(21);
                    boolean control = (attributes & 0x20) != 0;
                    String codec = CODECS[Math.min(attributes & 0x7, CODECS.length - 1)] + (control ? "(control)" : "");
                    counts.merge(codec, 1, Integer::sum);
                    position += 12 + length;
                }
            }
        }
        return counts;
    }
}
