package io.wirewatch.cli.format;

import io.wirewatch.avro.Cooperation;
import io.wirewatch.avro.CountryMention;
import io.wirewatch.avro.EnrichedStory;
import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.RawStory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

/** Renders enriched stories for people (one block per story) and for tools (Avro JSON, one line per story). */
public final class StoryFormatter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final int TITLE_WIDTH = 72;

    private StoryFormatter() {
    }

    /**
     * A readable block:
     * <pre>
     * 2022-06-02  Defense Minister Benny Gantz met with ...   [sha256:3f2a...]
     *   countries  IL, IN, JP, VN
     *   IL+IN      industrial, rnd, security, training
     * </pre>
     */
    public static String readable(EnrichedStory enriched) {
        RawStory story = enriched.getStory();
        StringBuilder out = new StringBuilder();
        out.append(date(story.getPublishedAt())).append("  ").append(title(story)).append("  [")
                .append(shortId(story.getId())).append(']');
        if (enriched.getDuplicateOf() != null) {
            out.append("  (near-duplicate of ").append(shortId(enriched.getDuplicateOf())).append(')');
        }
        out.append(System.lineSeparator());
        out.append("  countries  ").append(countries(enriched.getCountries())).append(System.lineSeparator());
        if (enriched.getCooperations().isEmpty()) {
            out.append("  no defense cooperation (score ")
                    .append(String.format("%.2f", enriched.getDefenseCooperation().getScore())).append(')')
                    .append(System.lineSeparator());
        }
        for (Cooperation cooperation : enriched.getCooperations()) {
            out.append(String.format("  %-10s %s", String.join("+", cooperation.getParties()),
                    String.join(", ", cooperation.getTopics()))).append(System.lineSeparator());
        }
        return out.toString();
    }

    /** The story as one line of Avro JSON (the encoding Confluent's console tools print). */
    public static String json(EnrichedStory enriched) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            JsonEncoder encoder = EncoderFactory.get().jsonEncoder(EnrichedStory.getClassSchema(), bytes);
            new SpecificDatumWriter<>(EnrichedStory.class).write(enriched, encoder);
            encoder.flush();
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render story " + enriched.getStory().getId() + " as JSON", e);
        }
    }

    /** The headline, else the start of the first paragraph, cut to a line. */
    public static String title(RawStory story) {
        String text = story.getHeadline();
        if (text == null || text.isBlank()) {
            text = story.getParagraphs().stream().map(Paragraph::getText).filter(t -> !t.isBlank()).findFirst()
                    .orElse("(no text)");
        }
        text = text.strip().replaceAll("\\s+", " ");
        return text.length() <= TITLE_WIDTH ? text : text.substring(0, TITLE_WIDTH - 3) + "...";
    }

    public static String date(Instant instant) {
        return instant == null ? "----------" : DATE.format(instant);
    }

    public static String countries(List<CountryMention> countries) {
        return countries.isEmpty() ? "none" : countries.stream().map(CountryMention::getCode)
                .collect(Collectors.joining(", "));
    }

    /** {@code sha256:3f2a9c1b...} shortened to 16 characters; source ids are kept whole up to 40. */
    public static String shortId(String id) {
        if (id.startsWith("sha256:") && id.length() > 19) {
            return id.substring(0, 19) + "...";
        }
        return id.length() <= 40 ? id : id.substring(0, 37) + "...";
    }
}
