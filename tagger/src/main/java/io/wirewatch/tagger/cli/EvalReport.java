package io.wirewatch.tagger.cli;

import io.wirewatch.avro.Cooperation;
import io.wirewatch.avro.Evidence;
import io.wirewatch.avro.TopicTag;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores tagged stories against gold labels: precision, recall and F1 per topic, micro and macro F1,
 * defense_cooperation accuracy, party-country precision and recall; lists each miss and false alarm with its
 * evidence.
 */
public final class EvalReport {

    private final List<String> topicIds;
    private final Map<String, int[]> topicCounts = new LinkedHashMap<>();
    private final List<String> findings = new ArrayList<>();
    private int stories;
    private int flagCorrect;
    private int countryTp;
    private int countryFp;
    private int countryFn;

    public EvalReport(List<String> topicIds) {
        this.topicIds = List.copyOf(topicIds);
        topicIds.forEach(t -> topicCounts.put(t, new int[3]));
    }

    /** Adds one labeled story. */
    public void add(StoryLine gold, TaggedStory tagged) {
        stories++;
        final StringBuilder why = new StringBuilder();
        if (gold.goldCooperation() == tagged.defenseCooperation()) {
            flagCorrect++;
        } else {
            why.append(String.format(Locale.ROOT, "  defense_cooperation: gold %s, tagged %s (score %.2f)%n",
                    gold.goldCooperation(), tagged.defenseCooperation(),
                    tagged.enrichment().defenseCooperation().getScore()));
        }
        final Set<String> goldTopics = new TreeSet<>(gold.goldTopics());
        final Set<String> tagTopics = tagged.topics();
        for (String t : topicIds) {
            final int[] c = topicCounts.get(t);
            final boolean g = goldTopics.contains(t);
            final boolean p = tagTopics.contains(t);
            if (g && p) {
                c[0]++;
            } else if (p) {
                c[1]++;
                why.append("  false alarm ").append(t).append(":\n");
                evidence(tagged, t).forEach(e -> why.append("    [").append(e.getRule()).append("] ")
                        .append(e.getText()).append('\n'));
            } else if (g) {
                c[2]++;
                why.append("  missed ").append(t).append(" (no rule matched a sentence with two parties)\n");
            }
        }
        final Set<String> goldCountries = new TreeSet<>(gold.goldCountries());
        final Set<String> tagCountries = tagged.countries();
        for (String c : tagCountries) {
            if (goldCountries.contains(c)) {
                countryTp++;
            } else {
                countryFp++;
                why.append("  false party ").append(c).append(" in ").append(cooperationsOf(tagged, c)).append('\n');
            }
        }
        for (String c : goldCountries) {
            if (!tagCountries.contains(c)) {
                countryFn++;
                why.append("  missed party ").append(c).append(" (mentioned: ").append(tagged.mentioned())
                        .append(")\n");
            }
        }
        if (why.length() > 0) {
            findings.add(gold.id() + " (line " + gold.line() + "): gold " + goldTopics + " " + goldCountries
                    + ", tagged " + tagTopics + " " + tagCountries + "\n" + why);
        }
    }

    private static List<Evidence> evidence(TaggedStory tagged, String topic) {
        for (TopicTag t : tagged.enrichment().topics()) {
            if (t.getId().equals(topic)) {
                return t.getEvidence();
            }
        }
        return List.of();
    }

    private static List<List<String>> cooperationsOf(TaggedStory tagged, String country) {
        final List<List<String>> out = new ArrayList<>();
        for (Cooperation c : tagged.enrichment().cooperations()) {
            if (c.getParties().contains(country)) {
                out.add(c.getParties());
            }
        }
        return out;
    }

    public int stories() {
        return stories;
    }

    public double microF1() {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int[] c : topicCounts.values()) {
            tp += c[0];
            fp += c[1];
            fn += c[2];
        }
        return f1(tp, fp, fn);
    }

    public double macroF1() {
        double sum = 0;
        for (int[] c : topicCounts.values()) {
            sum += f1(c[0], c[1], c[2]);
        }
        return topicCounts.isEmpty() ? 0 : sum / topicCounts.size();
    }

    public double cooperationAccuracy() {
        return stories == 0 ? 0 : (double) flagCorrect / stories;
    }

    public double countryPrecision() {
        return ratio(countryTp, countryTp + countryFp);
    }

    public double countryRecall() {
        return ratio(countryTp, countryTp + countryFn);
    }

    public List<String> findings() {
        return List.copyOf(findings);
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "%-12s %9s %9s %9s %5s %5s %5s%n", "topic", "precision", "recall", "f1", "tp",
                "fp", "fn");
        topicCounts.forEach((t, c) -> out.printf(Locale.ROOT, "%-12s %9.3f %9.3f %9.3f %5d %5d %5d%n", t,
                ratio(c[0], c[0] + c[1]), ratio(c[0], c[0] + c[2]), f1(c[0], c[1], c[2]), c[0], c[1], c[2]));
        out.printf(Locale.ROOT, "micro-F1 %.3f  macro-F1 %.3f%n", microF1(), macroF1());
        out.printf(Locale.ROOT, "defense_cooperation accuracy %.3f (%d stories)%n", cooperationAccuracy(),
                stories);
        out.printf(Locale.ROOT, "party countries precision %.3f recall %.3f (tp %d, fp %d, fn %d)%n",
                countryPrecision(), countryRecall(), countryTp, countryFp, countryFn);
        if (!findings.isEmpty()) {
            out.println();
            out.println("misses and false alarms:");
            findings.forEach(out::print);
        }
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }

    private static double f1(int tp, int fp, int fn) {
        return tp + fp + fn == 0 ? 1.0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
