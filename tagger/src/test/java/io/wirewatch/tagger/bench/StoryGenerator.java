package io.wirewatch.tagger.bench;

import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.ParagraphRole;
import io.wirewatch.tagger.TagInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates wire-like stories from sentence templates written for this project: 0.5 to 10 KB (median about
 * 3 KB), paragraphs of one to four sentences, about a third of them about defense cooperation, the rest
 * domestic defense news or business, sport and trade copy that shares their vocabulary.
 */
public final class StoryGenerator {

    private static final String[] COUNTRIES = {"India", "Japan", "France", "Brazil", "Kenya", "Poland", "Egypt",
        "Vietnam", "Australia", "Germany", "the Philippines", "South Korea", "Turkey", "Indonesia", "Canada"};
    private static final String[] DEMONYMS = {"Indian", "Japanese", "French", "Brazilian", "Kenyan", "Polish",
        "Egyptian", "Vietnamese", "Australian", "German", "Philippine", "South Korean", "Turkish"};
    private static final String[] COOPERATION = {
        "%s and %s began a joint naval exercise on Monday, practising anti-submarine warfare and air defence.",
        "The defence ministers of %s and %s signed an agreement on the co-production of armoured vehicles.",
        "%s will buy 24 fighter jets from %s under a contract worth about $3 billion, officials said.",
        "%s officers will train at staff colleges in %s under a new military education programme.",
        "The two countries agreed to deepen security cooperation and to share intelligence on maritime threats.",
        "The deal includes the transfer of technology for the radar to a state-owned firm in %s.",
        "%s and %s agreed to jointly develop a new anti-ship missile for their navies.",
        "Coast guards from %s and %s will hold joint patrols against piracy in the strait.",
        "A %s delegation met %s officials to discuss counter-terrorism cooperation and border security."};
    private static final String[] DOMESTIC = {
        "The %s army held its annual winter exercise with tanks and attack helicopters near the border.",
        "The %s government raised the defence budget by 7 percent for ammunition and new frigates.",
        "A military court in %s sentenced two officers for leaking flight schedules to a contractor.",
        "%s test-fired a new ballistic missile into the sea, the defence ministry said in a statement.",
        "Analysts said the procurement plan would take years to carry out, given shortages of skilled workers."};
    private static final String[] OTHER = {
        "The national football team opened a training camp in %s ahead of the regional qualifiers next month.",
        "Rice exports from %s rose 12 percent in the first quarter as buyers rebuilt their stocks.",
        "Two drug makers announced a joint venture in %s to develop vaccines for tropical diseases.",
        "Shares of the carmaker rose 3.1 percent after it raised its full-year forecast on strong demand.",
        "The central bank of %s kept interest rates unchanged, citing stable inflation and a strong currency.",
        "Mr. Tan, the U.S.-educated chief executive, said the company would hire 1,200 engineers by 2026.",
        "\u201CWe are confident in the plan,\u201D the minister told reporters in the capital on Tuesday.",
        "The airline ordered 40 passenger jets and signed a maintenance deal with an engine maker."};

    private final Random random;

    public StoryGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** A story of roughly {@code bytes} characters. */
    public TagInput story(int bytes) {
        final boolean cooperation = random.nextInt(3) == 0;
        final List<Paragraph> paragraphs = new ArrayList<>();
        int size = 0;
        while (size < bytes) {
            final StringBuilder p = new StringBuilder();
            final int sentences = 1 + random.nextInt(4);
            for (int i = 0; i < sentences && size + p.length() < bytes; i++) {
                if (p.length() > 0) {
                    p.append(' ');
                }
                p.append(sentence(cooperation));
            }
            paragraphs.add(new Paragraph(paragraphs.isEmpty() ? ParagraphRole.LEAD : ParagraphRole.BODY,
                    p.toString()));
            size += p.length() + 2;
        }
        return new TagInput("Officials meet as talks continue", paragraphs);
    }

    /** Sizes from a log-normal around 3 KB, clipped to 0.5-10 KB. */
    public int size() {
        final double kb = Math.exp(Math.log(3.0) + 0.6 * random.nextGaussian());
        return (int) (1024 * Math.max(0.5, Math.min(10.0, kb)));
    }

    private String sentence(boolean cooperation) {
        final int r = random.nextInt(10);
        final String template = cooperation && r < 4 ? pick(COOPERATION) : r < 6 ? pick(DOMESTIC) : pick(OTHER);
        final String a = random.nextBoolean() ? pick(COUNTRIES) : pick(DEMONYMS);
        String b = pick(COUNTRIES);
        while (b.equals(a)) {
            b = pick(COUNTRIES);
        }
        return String.format(template, a, b);
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
