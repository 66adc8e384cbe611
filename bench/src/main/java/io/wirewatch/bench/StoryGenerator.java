package io.wirewatch.bench;

import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.ParagraphRole;
import io.wirewatch.avro.Provenance;
import io.wirewatch.avro.RawStory;
import io.wirewatch.avro.StoryFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Generates realistic wire stories for benchmarks: defense-cooperation stories of every topic between varying pairs of
 * countries, and stories that share their vocabulary but are not cooperation (a country's own exercise or budget,
 * civilian training camps, pharma research, rice exports, business joint ventures), padded with plausible filler to
 * sizes from 500 B to 10 KB (log-normal, median about 3 KB). Deterministic for a seed. All text is invented.
 */
public final class StoryGenerator {

    /** A generated story: the text as a wire-format file would hold it, and whether it is about cooperation. */
    public record Story(String id, String headline, List<Paragraph> paragraphs, LocalDate published,
                        boolean cooperation, String topic) {

        /** Size of headline and body in UTF-8 bytes. */
        public int bytes() {
            int size = headline.getBytes(StandardCharsets.UTF_8).length;
            for (Paragraph p : paragraphs) {
                size += p.getText().getBytes(StandardCharsets.UTF_8).length + 2;
            }
            return size;
        }

        /** The story in the plain wire-text format ingest reads (date marker, blank-line paragraphs). */
        public String wireText() {
            StringBuilder text = new StringBuilder(" date ").append(published).append("\n\n");
            text.append(headline).append("\n\n");
            for (Paragraph p : paragraphs) {
                text.append(p.getText()).append("\n\n");
            }
            return text.toString();
        }

        /** The story as the RawStory ingest would publish for it. */
        public RawStory toRawStory(String source, Instant receivedAt) {
            return RawStory.newBuilder()
                    .setId(id).setSource(source).setFormat(StoryFormat.TEXT).setHeadline(headline)
                    .setLanguage("en").setPublishedAt(published.atStartOfDay().toInstant(ZoneOffset.UTC))
                    .setReceivedAt(receivedAt).setParagraphs(paragraphs)
                    .setContentHash("sha256:" + HexFormat.of().formatHex(id.getBytes(StandardCharsets.UTF_8)))
                    .setProvenance(new Provenance("generator", "bench", "bench"))
                    .build();
        }
    }

    private record Country(String name, String adjective, String capital, String ministry) {
    }

    private static final List<Country> COUNTRIES = List.of(
            new Country("Norway", "Norwegian", "Oslo", "Norwegian Ministry of Defence"),
            new Country("Poland", "Polish", "Warsaw", "Polish Ministry of National Defence"),
            new Country("Japan", "Japanese", "Tokyo", "Japan's Ministry of Defense"),
            new Country("India", "Indian", "New Delhi", "India's Defence Ministry"),
            new Country("Brazil", "Brazilian", "Brasilia", "Brazil's Defense Ministry"),
            new Country("Indonesia", "Indonesian", "Jakarta", "Indonesia's Defence Ministry"),
            new Country("Canada", "Canadian", "Ottawa", "the Department of National Defence"),
            new Country("Greece", "Greek", "Athens", "the Hellenic Ministry of National Defence"),
            new Country("Kenya", "Kenyan", "Nairobi", "Kenya's Ministry of Defence"),
            new Country("Chile", "Chilean", "Santiago", "Chile's Defense Ministry"),
            new Country("Vietnam", "Vietnamese", "Hanoi", "Vietnam's Defence Ministry"),
            new Country("Egypt", "Egyptian", "Cairo", "Egypt's Ministry of Defense"),
            new Country("Australia", "Australian", "Canberra", "the Australian Department of Defence"),
            new Country("South Korea", "South Korean", "Seoul", "South Korea's Defense Ministry"),
            new Country("France", "French", "Paris", "the French Armed Forces Ministry"),
            new Country("Germany", "German", "Berlin", "the German Defence Ministry"));

    private static final String[] SYSTEMS = {"coastal radar", "patrol vessel", "air-defence missile",
        "armoured personnel carrier", "transport aircraft", "surveillance drone", "naval helicopter",
        "howitzer", "anti-ship missile", "frigate"};

    private static final String[][] COOPERATION = {
        {"rnd", "{A} and {B} agreed to jointly develop a new {S}, with engineers from both countries sharing "
                + "design work and test facilities.",
            "The research programme includes a transfer of technology from {A} to {B} over five years.",
            "Scientists from the two defence research agencies will co-develop the sensors at a joint laboratory."},
        {"exports", "{B} signed a contract to buy twelve {S}s from {A}, the largest arms sale between the two "
                + "countries.",
            "The first deliveries of the exported systems to {B} are due next year, {A}'s defence ministry said.",
            "The deal makes {B} the third foreign customer for {A}'s defence industry."},
        {"training", "Troops from {A} and {B} began a two-week joint military exercise on {B}'s northern coast.",
            "{A}n instructors will train {B}'s officers in amphibious operations under the agreement.",
            "The drills bring together about 1,500 soldiers from both armies."},
        {"industrial", "A joint venture between a state shipyard in {B} and a {A} defence firm will build the "
                + "{S} locally under licence.",
            "The co-production deal includes offsets worth 40 percent of the contract value for {B}'s industry.",
            "Parts of the {S} will be manufactured in {B} and assembled in {A}."},
        {"security", "{A} and {B} agreed to expand intelligence sharing and counter-terrorism cooperation.",
            "Their coast guards will hold joint maritime security patrols against piracy and smuggling.",
            "The two governments held their annual strategic security dialogue in {CAP}."}};

    private static final String[] NON_COOPERATION = {
        "{A}'s army completed a live-fire exercise with its new {S} on a range near {CAP}.",
        "The {A} parliament approved a defence budget increase of 6 percent for next year.",
        "A youth football academy in {CAP} opened its summer training camp for 300 players.",
        "Two pharmaceutical companies announced joint research on a new vaccine for tropical diseases.",
        "{A}'s rice exports rose 12 percent in the first quarter as harvests recovered.",
        "A telecom operator and a bank formed a joint venture to offer mobile payments in {A}.",
        "A military court in {CAP} sentenced two officers for corruption in procurement."};

    private static final String[] FILLER = {
        "Officials did not disclose the financial terms, citing commercial confidentiality.",
        "Analysts said the announcement reflected a broader shift in regional priorities over the past decade.",
        "The ministry said further details would be published after consultations with parliament.",
        "Markets reacted calmly, with the main index closing slightly higher on the day.",
        "Weather delayed part of the programme, organisers said, but the schedule was otherwise unchanged.",
        "A spokesperson said the talks had been constructive and would continue later in the year.",
        "Opposition lawmakers questioned the cost and asked for a full review of the plans.",
        "The agreement still has to be ratified, which officials expect within months.",
        "Local media reported that preparations had been under way since the spring.",
        "Residents near the site said they had been informed in advance by the authorities."};

    private final Random random;
    private final double cooperationShare;
    private long counter;

    /**
     * @param seed makes the sequence repeatable
     * @param cooperationShare share of stories about cooperation, 0..1
     */
    public StoryGenerator(long seed, double cooperationShare) {
        this.random = new Random(seed);
        this.cooperationShare = cooperationShare;
    }

    /** The next story, of a size drawn from the distribution. */
    public Story next() {
        return next(targetSize());
    }

    /** The next story, padded to about {@code targetBytes}. */
    public Story next(int targetBytes) {
        counter++;
        Country a = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
        Country b;
        do {
            b = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
        } while (b == a);
        String system = SYSTEMS[random.nextInt(SYSTEMS.length)];
        boolean cooperation = random.nextDouble() < cooperationShare;
        List<Paragraph> paragraphs = new ArrayList<>();
        String headline;
        String topic = null;
        if (cooperation) {
            String[] family = COOPERATION[random.nextInt(COOPERATION.length)];
            topic = family[0];
            headline = a.name() + ", " + b.name() + " deepen " + topic + " ties";
            paragraphs.add(new Paragraph(ParagraphRole.LEAD, fill(family[1], a, b, system)));
            paragraphs.add(new Paragraph(ParagraphRole.BODY, fill(family[2], a, b, system)));
            paragraphs.add(new Paragraph(ParagraphRole.BODY, fill(family[3], a, b, system)));
        } else {
            String sentence = NON_COOPERATION[random.nextInt(NON_COOPERATION.length)];
            headline = a.adjective() + " news in brief";
            paragraphs.add(new Paragraph(ParagraphRole.LEAD, fill(sentence, a, b, system)));
        }
        int size = headline.length() + paragraphs.stream().mapToInt(p -> p.getText().length() + 2).sum();
        while (size < targetBytes) {
            StringBuilder paragraph = new StringBuilder();
            int sentences = 2 + random.nextInt(4);
            for (int i = 0; i < sentences; i++) {
                if (i > 0) {
                    paragraph.append(' ');
                }
                paragraph.append(FILLER[random.nextInt(FILLER.length)]);
            }
            paragraphs.add(new Paragraph(ParagraphRole.BODY, paragraph.toString()));
            size += paragraph.length() + 2;
        }
        if (random.nextInt(5) == 0) {
            paragraphs.add(new Paragraph(ParagraphRole.CAPTION,
                    "A " + system + " on display in " + a.capital() + ". (credit: Wirewatch Photo)"));
        }
        LocalDate published = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(5 * 365));
        return new Story(String.format("gen-%08d", counter), headline, paragraphs, published, cooperation, topic);
    }

    /** Log-normal sizes with median about 3 KB, clipped to 500 B .. 10 KB. */
    int targetSize() {
        double size = Math.exp(Math.log(3_000) + 0.6 * random.nextGaussian());
        return (int) Math.max(500, Math.min(10_000, size));
    }

    private static String fill(String template, Country a, Country b, String system) {
        return template.replace("{A}n ", a.adjective() + " ").replace("{A}'s", a.name() + "'s")
                .replace("{B}'s", b.name() + "'s").replace("a {A} defence", "a " + a.adjective() + " defence")
                .replace("{A}", a.name()).replace("{B}", b.name()).replace("{S}", system)
                .replace("{CAP}", a.capital());
    }
}
