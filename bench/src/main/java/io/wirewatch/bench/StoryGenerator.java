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
import java.util.Locale;
import java.util.Random;

/**
 * Generates realistic wire stories for benchmarks: defense-cooperation stories of every topic between varying pairs of
 * countries, and stories that share their vocabulary but are not cooperation (a country's own exercise or budget,
 * civilian training camps, pharma research, rice exports, business joint ventures), padded with plausible filler to
 * sizes from 500 B to 10 KB (log-normal, median about 3 KB). Filler sentences are assembled from vocabularies (towns,
 * firms, people, goods, numbers, months) so they rarely repeat, as in a real feed. Deterministic for a seed. All text
 * is invented.
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

        /**
         * The same story published on another day. The generator spreads dates over 2020-2024; a live feed's stories
         * are of today, which is what event-time windows (near-duplicates, trends) see in production.
         */
        public Story publishedOn(LocalDate day) {
            return new Story(id, headline, paragraphs, day, cooperation, topic);
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

    /*
     * Filler is built from parts, so that sentences rarely repeat (in a real feed nearly every sentence is new; a
     * handful of stock sentences would make every story a near-duplicate of every other). Invented towns, firms and
     * people keep it free of countries, and it avoids the vocabulary of defence cooperation.
     */
    private static final String[] OPENERS = {"", "", "", "", "On Monday, ", "On Tuesday, ", "On Wednesday, ",
        "On Thursday, ", "On Friday, ", "Earlier this month, ", "Late on Sunday, ", "In a statement, ",
        "Speaking in {TOWN}, ", "According to the {TOWN} Courier, ", "After weeks of talks, ", "For now, ",
        "In the meantime, ", "Separately, ", "By contrast, ", "As expected, "};

    private static final String[] SUBJECTS = {"the finance ministry", "a spokesperson for the regional council",
        "analysts at {FIRM}", "opposition lawmakers", "officials in {TOWN}", "industry executives",
        "a senior economist at {FIRM}", "local media", "the central bank", "union leaders in {TOWN}",
        "{PERSON}, who chairs the budget committee,", "the mayor of {TOWN}", "{PERSON} of {FIRM}",
        "residents of {TOWN}", "the statistics office", "shipping agents", "hospital administrators",
        "the weather service", "tourism operators in {TOWN}", "{PERSON}, a spokesperson for {FIRM},",
        "environmental groups", "the transport authority", "farmers near {TOWN}", "{FIRM}'s chief executive"};

    private static final String[] VERBS = {"said", "noted", "told reporters", "warned", "argued", "confirmed",
        "added", "stressed", "estimated", "predicted", "acknowledged", "wrote in a note"};

    private static final String[] CLAUSES = {
        "that {GOOD} prices rose {PCT} percent in {MONTH}",
        "that the {PROJECT} in {TOWN} would cost about {N} million more than planned",
        "that inflation eased to {PCT} percent, the lowest since {YEAR}",
        "that {N},{NNN} households in {TOWN} were still without power after the storm",
        "that the {PROJECT} would open in {MONTH} {YEAR} instead of the spring",
        "that ticket sales for the {TOWN} festival had passed {N},{NNN}",
        "that {FIRM} plans to hire {N}0 engineers for its {TOWN} plant",
        "that rainfall in {MONTH} was {PCT} percent below the long-term average",
        "that the council would vote on the {PROJECT} before {MONTH}",
        "that {GOOD} output fell for a {ORDINAL} straight quarter",
        "that waiting times at {TOWN} hospital had doubled since {YEAR}",
        "that the {TOWN} marathon drew {N},{NNN} runners despite the heat",
        "that bond yields climbed {N} basis points after the auction",
        "that a new ferry line between {TOWN} and {TOWN2} would start in {MONTH}",
        "that {PERSON} would step down as chair of {FIRM} at the end of {MONTH}",
        "that the harvest of {GOOD} was the largest in {N} years",
        "that the {PROJECT} still lacked {N} million in funding",
        "that the school term in {TOWN} would start a week late",
        "that wages in the {SECTOR} sector grew {PCT} percent year on year",
        "that {FIRM} had reported a quarterly loss of {N} million",
        "that the museum in {TOWN} received {N},{NNN} visitors in {MONTH}",
        "that fuel prices would be reviewed again in {MONTH}",
        "that a {ORDINAL} round of talks with {SECTOR} unions was planned",
        "that {GOOD} exports to neighbouring markets had slowed",
        "that the bridge near {TOWN} would close for repairs for {N} weeks",
        "that the {SECTOR} regulator fined {FIRM} {N} million for late filings",
        "that rents in {TOWN} rose {PCT} percent over the year",
        "that the {TOWN} football club had been sold to {FIRM}",
        "that {N} flights were cancelled at {TOWN} airport because of fog",
        "that the census counted {N}{NNN} more residents in {TOWN} than expected"};

    private static final String[] TOWNS = {"Marrowby", "Calden", "Estrava", "Pellingford", "Vostrin", "Harlowe",
        "Quenby", "Tamsk", "Orlinde", "Brecca", "Saltmere", "Kivora", "Dunmarsh", "Ysolde", "Ferncastle",
        "Altmoor", "Rennick", "Zavolin", "Corrabridge", "Linthaven", "Mirabel", "Tollgate", "Veskov", "Ashwick"};

    private static final String[] FIRMS = {"Nordvik Holdings", "Corbell & Pratt", "Helm Analytics", "Tarrow Energy",
        "Bluefen Logistics", "Greystone Partners", "Mallory Foods", "Orison Telecom", "Kestrel Capital",
        "Ambry Rail", "Wexford Pharma", "Larkspur Media", "Sundial Retail", "Pyrite Mining", "Ostwind Power"};

    private static final String[] PEOPLE = {"Mara Lindqvist", "Tomas Ekberg", "Ines Valcourt", "Jun Harada",
        "Priya Raman", "Oskar Brandt", "Lucia Ferrante", "Amos Keller", "Nadia Orlov", "Felix Amundsen",
        "Clara Whitcombe", "Rafael Soto", "Hana Novak", "Elias Brenner", "Yara Haddad", "Bruno Castell"};

    private static final String[] GOODS = {"coffee", "copper", "wheat", "timber", "dairy", "steel", "cotton",
        "salmon", "cocoa", "aluminium", "sugar", "fertiliser", "rubber", "olive oil"};

    private static final String[] PROJECTS = {"tram extension", "water treatment plant", "harbour upgrade",
        "ring road", "concert hall", "solar park", "housing scheme", "library renovation", "flood barrier",
        "rail tunnel", "stadium roof", "airport terminal"};

    private static final String[] SECTORS = {"retail", "banking", "construction", "tourism", "healthcare",
        "farming", "shipping", "insurance", "software", "hospitality", "mining", "textile"};

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    private static final String[] ORDINALS = {"second", "third", "fourth", "fifth", "sixth"};

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
            for (int i = 0; i < sentences && size + paragraph.length() < targetBytes; i++) {
                if (i > 0) {
                    paragraph.append(' ');
                }
                paragraph.append(fillerSentence());
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

    /** A filler sentence: opener, subject, verb and clause, each slot from a vocabulary. */
    String fillerSentence() {
        String sentence = pick(OPENERS) + pick(SUBJECTS) + " " + pick(VERBS) + " " + pick(CLAUSES) + ".";
        String town = pick(TOWNS);
        String other;
        do {
            other = pick(TOWNS);
        } while (other.equals(town));
        sentence = sentence.replace("{TOWN2}", other).replace("{TOWN}", town).replace("{FIRM}", pick(FIRMS))
                .replace("{PERSON}", pick(PEOPLE)).replace("{GOOD}", pick(GOODS)).replace("{PROJECT}", pick(PROJECTS))
                .replace("{SECTOR}", pick(SECTORS)).replace("{MONTH}", pick(MONTHS))
                .replace("{ORDINAL}", pick(ORDINALS)).replace("{YEAR}", String.valueOf(2005 + random.nextInt(18)))
                .replace("{PCT}", (1 + random.nextInt(14)) + "." + random.nextInt(10))
                .replace("{NNN}", String.format(Locale.ROOT, "%03d", random.nextInt(1000)))
                .replace("{N}", String.valueOf(2 + random.nextInt(97)));
        return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
    }

    private String pick(String[] words) {
        return words[random.nextInt(words.length)];
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
