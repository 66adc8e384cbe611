package io.wirewatch.enrich;

import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.ParagraphRole;
import io.wirewatch.avro.Provenance;
import io.wirewatch.avro.PubStatus;
import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.StoryFormat;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Raw stories written for these tests (invented text, no third-party sentences). */
public final class TestStories {

    /** A defense-cooperation story: two countries' navies train together. */
    public static final List<String> JOINT_EXERCISE = List.of(
            "Indonesia and Australia began a joint naval exercise in the Arafura Sea on Monday, the two defence "
                    + "ministries said.",
            "Sailors from both navies will train together in anti-submarine warfare and search and rescue for "
                    + "ten days.",
            "The drill, held every two years, involves four frigates, a submarine and maritime patrol aircraft.");

    /** A story without any defense content. */
    public static final List<String> BAKERY = List.of(
            "A family bakery in the old town won the regional prize for rye bread on Saturday.",
            "The owners said the recipe has not changed since their grandparents opened the shop in 1962.",
            "Customers queued for an hour to taste the winning loaf, which sells for four euros.");

    private TestStories() {
    }

    /** A story with the given body, published at {@code publishedAt}, received a minute later. */
    public static RawStory story(String id, Instant publishedAt, List<String> body) {
        return builder(id, publishedAt, body).build();
    }

    public static RawStory.Builder builder(String id, Instant publishedAt, List<String> body) {
        List<Paragraph> paragraphs = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            paragraphs.add(new Paragraph(i == 0 ? ParagraphRole.LEAD : ParagraphRole.BODY, body.get(i)));
        }
        return RawStory.newBuilder()
                .setId(id)
                .setSource("test-wire")
                .setUri(null)
                .setFormat(StoryFormat.JSONL)
                .setVersion(null)
                .setHeadline(null)
                .setByline(null)
                .setDateline(null)
                .setLanguage("en")
                .setPublishedAt(publishedAt)
                .setReceivedAt(publishedAt == null ? Instant.parse("2024-05-01T00:00:00Z")
                        : publishedAt.plusSeconds(60))
                .setParagraphs(paragraphs)
                .setUrgency(null)
                .setPubStatus(PubStatus.USABLE)
                .setSubjects(List.of())
                .setAttributes(new LinkedHashMap<>())
                .setContentHash(contentHash(body))
                .setProvenance(new Provenance("test.jsonl:1", "ingest-test", "9.9.9"));
    }

    /** A story whose attributes script what {@link ScriptedTagger} finds in it. */
    public static RawStory scripted(String id, Instant publishedAt, List<String> body, Map<String, String> script) {
        RawStory story = story(id, publishedAt, body);
        story.getAttributes().putAll(script);
        return story;
    }

    public static String contentHash(List<String> body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            body.forEach(p -> sha.update(p.getBytes(StandardCharsets.UTF_8)));
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ren", "sa", "to", "vel", "du", "ni", "por",
        "ta", "bri", "en", "gal", "ho", "ly", "mar", "ne", "os", "pe", "qui", "ru", "sten", "ul"};

    /**
     * A generated story body of {@code sentences} sentences (three to a paragraph), different for each seed: words
     * of two or three syllables drawn by a simple generator from about 14,000, so two seeds share few 3-word
     * sequences, as two unrelated news stories do.
     */
    public static List<String> generatedBody(long seed, int sentences) {
        long[] state = {seed * 0x9E3779B97F4A7C15L + 7};
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            int length = 8 + (int) (next(state) % 8);
            for (int w = 0; w < length; w++) {
                StringBuilder word = new StringBuilder();
                int syllables = 2 + (int) (next(state) % 2);
                for (int y = 0; y < syllables; y++) {
                    word.append(SYLLABLES[(int) (next(state) % SYLLABLES.length)]);
                }
                paragraph.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                paragraph.append(w == length - 1 ? ". " : " ");
            }
            if (s % 3 == 2) {
                paragraphs.add(paragraph.toString().trim());
                paragraph.setLength(0);
            }
        }
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph.toString().trim());
        }
        return paragraphs;
    }

    /** A linear congruential step; returns a non-negative number. */
    private static long next(long[] state) {
        state[0] = state[0] * 6364136223846793005L + 1442695040888963407L;
        return state[0] >>> 33;
    }
}
