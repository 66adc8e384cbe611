package io.wirewatch.cli.local;

import io.wirewatch.avro.DeadLetter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;

/**
 * The readable summary the local mode prints: every story the sink stored in PostgreSQL (date, title, countries, who
 * cooperates on what), then every dead letter with its reason.
 */
public final class StorySummary {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final int TITLE = 76;

    /** One stored story as the summary shows it. */
    public record StoryLine(String id, String date, String title, List<String> countries,
                            Map<String, List<String>> cooperations, String duplicateOf) {
    }

    private StorySummary() {
    }

    /** Reads the stories stored after {@code storedAfter} (all when null), oldest publish date first. */
    public static List<StoryLine> read(String jdbcUrl, String user, String password, Instant storedAfter)
            throws SQLException {
        String sql = """
                SELECT s.id, s.published_at, coalesce(s.headline, '') AS headline, s.paragraphs->0->>'text' AS lead,
                       s.duplicate_of,
                       (SELECT array_agg(c.code ORDER BY c.mentions DESC, c.code) FROM story_countries c
                         WHERE c.story_id = s.id) AS countries
                  FROM stories s
                 WHERE CAST(? AS timestamptz) IS NULL OR s.stored_at > CAST(? AS timestamptz)
                 ORDER BY s.published_at NULLS LAST, s.id""";
        List<StoryLine> lines = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             PreparedStatement stories = connection.prepareStatement(sql);
             PreparedStatement cooperations = connection.prepareStatement(
                     "SELECT parties_key, topics FROM cooperations WHERE story_id = ? ORDER BY ordinal")) {
            Timestamp after = storedAfter == null ? null : java.sql.Timestamp.from(storedAfter);
            stories.setTimestamp(1, after);
            stories.setTimestamp(2, after);
            try (ResultSet rs = stories.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString("id");
                    Timestamp published = rs.getTimestamp("published_at");
                    String title = rs.getString("headline");
                    if (title.isBlank()) {
                        title = rs.getString("lead") == null ? "(no text)" : rs.getString("lead");
                    }
                    lines.add(new StoryLine(id, published == null ? "----------" : DATE.format(published.toInstant()),
                            cut(title), strings(rs.getArray("countries")), cooperationsOf(cooperations, id),
                            rs.getString("duplicate_of")));
                }
            }
        }
        return lines;
    }

    private static Map<String, List<String>> cooperationsOf(PreparedStatement statement, String id)
            throws SQLException {
        Map<String, List<String>> cooperations = new LinkedHashMap<>();
        statement.setString(1, id);
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                cooperations.put(rs.getString("parties_key"), strings(rs.getArray("topics")));
            }
        }
        return cooperations;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static String cut(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= TITLE ? line : line.substring(0, TITLE - 3) + "...";
    }

    /** Records and files in an archive directory, read with Avro's own file reader. */
    public record ArchiveCount(long records, long files) {
    }

    /** Counts the records of every finished archive file ({@code *.avro}) below {@code dir}. */
    public static ArchiveCount countArchive(Path dir) throws IOException {
        if (!java.nio.file.Files.isDirectory(dir)) {
            return new ArchiveCount(0, 0);
        }
        long records = 0;
        long files = 0;
        try (Stream<Path> paths = java.nio.file.Files.walk(dir)) {
            for (Path file : paths.filter(p -> p.getFileName().toString().endsWith(".avro")).toList()) {
                files++;
                try (DataFileReader<Object> reader = new DataFileReader<>(
                        file.toFile(), new GenericDatumReader<>())) {
                    while (reader.hasNext()) {
                        reader.next();
                        records++;
                    }
                }
            }
        }
        return new ArchiveCount(records, files);
    }

    /** Prints the stories and dead letters. */
    public static void print(PrintWriter out, List<StoryLine> stories, List<DeadLetter> deadLetters) {
        out.printf("%nStories (%d):%n", stories.size());
        for (StoryLine story : stories) {
            out.printf("  %s  %s%n", story.date(), story.title());
            out.printf("              countries  %s%n", story.countries().isEmpty() ? "none"
                    : String.join(", ", story.countries()));
            if (story.cooperations().isEmpty()) {
                out.printf("              no defense cooperation%n");
            }
            story.cooperations().forEach((parties, topics) ->
                    out.printf("              %-10s %s%n", parties, String.join(", ", topics)));
            if (story.duplicateOf() != null) {
                out.printf("              near-duplicate of %s%n", story.duplicateOf());
            }
        }
        out.printf("%nDead letters (%d):%n", deadLetters.size());
        for (DeadLetter letter : deadLetters) {
            out.printf("  %-8s %-14s %s%n", letter.getStage(), letter.getReasonCode(), letter.getMessage());
        }
        out.flush();
    }
}
