package io.wirewatch.tagger.text;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Marks background text inside sentences, whose words neither tag a topic nor make a party: descriptive relative
 * clauses (", which is developed jointly by ...", ", who was ...") and "amid ..." phrases, each up to the next
 * comma, semicolon, dash or bracket. A relative clause about what will happen (", which will ...") is not
 * background. Also what did not or may not happen, from its cue to the end of the clause: denials ("denies
 * supplying"), alternatives weighed or offered ("had also considered", "offered to sell", "competing for") and
 * possibilities ("could", "might", "may").
 */
public final class ClauseMarker {

    private static final String[] RELATIVES = {", which ", ", who ", ", whose ", ", that "};
    /** Phrases that open background up to the end of their clause: the context, or earlier cases. */
    private static final String[] OPENERS = {"amid ", "Amid ", ", following ", ", joining ", ", after similar "};
    /**
     * Words that open a clause about what did not or may not happen, as written in lower case; a value other than
     * "" is the rest of the cue that must follow ("ruled" + " out").
     */
    private static final Map<String, String> UNREAL = Map.ofEntries(Map.entry("denies", ""),
            Map.entry("denied", ""), Map.entry("deny", ""), Map.entry("denying", ""), Map.entry("ruled", " out"),
            Map.entry("rules", " out"), Map.entry("considered", ""), Map.entry("considering", ""),
            Map.entry("weighed", ""), Map.entry("weighing", ""), Map.entry("mulling", ""), Map.entry("eyeing", ""),
            Map.entry("expressed", " interest"), Map.entry("interested", " in"), Map.entry("offered", ""),
            Map.entry("offering", ""), Map.entry("competing", ""), Map.entry("bidding", ""),
            Map.entry("shortlisted", ""), Map.entry("could", ""), Map.entry("might", ""), Map.entry("may", ""),
            Map.entry("accused", ""), Map.entry("accusing", ""), Map.entry("accuses", ""), Map.entry("alleged", ""),
            Map.entry("allegedly", ""), Map.entry("hoped", ""), Map.entry("hopes", ""), Map.entry("hoping", ""));
    /** Participles that, followed by "by", name who made a thing: its origin, not where or with whom. */
    private static final Set<String> MADE = Set.of("built", "constructed", "produced", "manufactured", "made",
            "assembled", "designed", "developed");
    private static final WordSet MADE_WORDS = new WordSet(MADE);
    private static final String MADE_INITIALS = "bcpmad";
    /** Words before such a participle that make it joint work after all: "jointly developed by X and Y". */
    private static final Set<String> JOINTLY = Set.of("jointly", "together", "co", "collaboratively");
    private static final int MAX_BENEFICIARY = 40;
    /**
     * Analyzed terms of agent nouns after which the word before describes a company: "aircraft maker", "tank
     * manufacturer" (the analyzer keeps "manufacturer" and "producer" unstemmed).
     */
    private static final Set<String> MAKER_TERMS = Set.of("maker", "manufacturer", "manufacturers", "producer",
            "producers", "builder", "supplier");
    /** Openers of an appositive noun phrase: ", a new Type 054 ship delivered last year,". */
    private static final String[] APPOSITIVES = {", a ", ", an "};
    private static final int MAX_APPOSITIVE = 90;
    /** Participles that tell a thing's history when they stand in an appositive. */
    private static final WordSet HISTORY_PARTICIPLES = new WordSet(Set.of("delivered", "bought", "purchased",
            "acquired", "supplied", "ordered", "sold", "received", "procured", "imported", "commissioned", "inducted",
            "exported", "donated", "gifted", "leased"));
    private static final WordSet UNREAL_WORDS = new WordSet(UNREAL.keySet());
    private static final Set<String> DESCRIPTIVE = Set.of("is", "was", "are", "were", "has", "have", "had", "been",
            "already", "previously", "originally", "also");

    private ClauseMarker() {
    }

    public static void mark(AnalyzedStory story) {
        markAttributiveOrigins(story);
        markAppositiveParticiples(story);
        markMakerCompounds(story);
        markMakers(story);
        markUnreal(story);
        for (int seg = 0; seg < story.segmentCount(); seg++) {
            final String text = story.segmentText(seg);
            for (String rel : RELATIVES) {
                for (int i = text.indexOf(rel); i >= 0; i = text.indexOf(rel, i + rel.length())) {
                    final int wordStart = i + rel.length();
                    if (DESCRIPTIVE.contains(nextWord(text, wordStart))) {
                        markRange(story, seg, i, clauseEnd(text, wordStart));
                    }
                }
            }
            for (String opener : OPENERS) {
                for (int a = text.indexOf(opener); a >= 0; a = text.indexOf(opener, a + opener.length())) {
                    if (a == 0 || !Character.isLetter(opener.charAt(0)) || !Character.isLetter(text.charAt(a - 1))) {
                        markRange(story, seg, a, listEnd(text, a + opener.length()));
                    }
                }
            }
        }
    }

    /**
     * "Built by Boeing", "designed by Turkey", "constructed by Japan Marine United": the maker is the origin of a
     * thing, so the participle does not say where it is made ("built in India") or that it is developed together.
     * The participle becomes background; the maker stays a mention.
     */
    private static void markMakers(AnalyzedStory story) {
        for (int t = 0; t < story.tokenCount(); t++) {
            if (MADE_INITIALS.indexOf(story.tokenFirstChar(t)) < 0 || !MADE_WORDS.contains(story, t)) {
                continue;
            }
            final String text = story.segmentText(story.tokenSegment(t));
            final int end = story.tokenEnd(t);
            if (!text.startsWith(" by ", end) && !byAfterBeneficiary(text, end)) {
                continue;
            }
            final int before = story.tokenStart(t) - 1;
            int b = before;
            while (b > 0 && (Character.isLetter(text.charAt(b - 1)))) {
                b--;
            }
            final String previous = b < before ? text.substring(b, before).toLowerCase(Locale.ROOT) : "";
            if (!JOINTLY.contains(previous)) {
                story.markBackground(t);
            }
        }
    }

    /** "built for the country by X", "designed for the navy by X": a short "for ..." phrase, then "by". */
    private static boolean byAfterBeneficiary(String text, int end) {
        if (!text.startsWith(" for ", end)) {
            return false;
        }
        final int by = text.indexOf(" by ", end + 5);
        if (by < 0 || by - end > MAX_BENEFICIARY) {
            return false;
        }
        for (int i = end + 5; i < by; i++) {
            final char c = text.charAt(i);
            if (c == ',' || c == ';' || c == '.' || c == '(') {
                return false;
            }
        }
        return true;
    }

    /**
     * "the frigate PNS Taimur, a new ship delivered last year, and ...": a participle inside an appositive that
     * describes a thing named before it is a passing description of its history, not what the sentence reports.
     * The participle becomes background; the appositive's names stay mentions.
     */
    private static void markAppositiveParticiples(AnalyzedStory story) {
        for (int seg = 0; seg < story.segmentCount(); seg++) {
            final String text = story.segmentText(seg);
            for (String opener : APPOSITIVES) {
                for (int a = text.indexOf(opener); a > 0; a = text.indexOf(opener, a + opener.length())) {
                    if (!Character.isLetterOrDigit(text.charAt(a - 1))) {
                        continue;
                    }
                    final int end = clauseEnd(text, a + opener.length());
                    if (end - a > MAX_APPOSITIVE || end >= text.length() || text.charAt(end) != ',') {
                        continue; // an appositive is closed by a comma: otherwise this is the sentence's object
                    }
                    markWords(story, seg, a, end, HISTORY_PARTICIPLES);
                }
            }
        }
    }

    /**
     * "the Italian aircraft maker", "a drone manufacturer": the goods named before an agent noun describe a company,
     * not goods bought, sold or built. The describing word becomes background (the company's country stays a
     * mention).
     */
    private static void markMakerCompounds(AnalyzedStory story) {
        for (int t = 1; t < story.tokenCount(); t++) {
            final String term = story.tokenTerm(t);
            final char c = term.isEmpty() ? ' ' : term.charAt(0);
            if (c != 'm' && c != 'p' && c != 'b' && c != 's' || !MAKER_TERMS.contains(term)
                    || story.tokenSegment(t) != story.tokenSegment(t - 1)) {
                continue;
            }
            final String text = story.segmentText(story.tokenSegment(t));
            final String gap = text.substring(story.tokenEnd(t - 1), story.tokenStart(t));
            if ((gap.equals(" ") || gap.equals("-")) && story.startsLowerCase(t - 1)) {
                story.markBackground(t - 1);
            }
        }
    }

    /** Marks each clause about what did not or may not happen, from its cue to the end of the clause. */
    private static void markUnreal(AnalyzedStory story) {
        for (int t = 0; t < story.tokenCount(); t++) {
            if (!story.startsLowerCase(t)) {
                continue;
            }
            final String cue = UNREAL_WORDS.find(story, t);
            if (cue == null) {
                continue;
            }
            final String rest = UNREAL.get(cue);
            final int seg = story.tokenSegment(t);
            final String text = story.segmentText(seg);
            final int end = story.tokenEnd(t) + rest.length();
            if (!rest.isEmpty() && !(text.startsWith(rest, story.tokenEnd(t))
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end))))) {
                continue;
            }
            markRange(story, seg, story.tokenStart(t), clauseEnd(text, end));
        }
    }

    /**
     * "UK-supplied torpedoes", "US-made radar", "Russian-built jets": an origin used as an adjective is a passing
     * mention, not a statement that something was supplied; the participle becomes background (the country stays
     * a mention: "buying Chinese-made tanks" still names the supplier).
     */
    private static void markAttributiveOrigins(AnalyzedStory story) {
        for (int t = 1; t < story.tokenCount(); t++) {
            if (story.tokenSegment(t) != story.tokenSegment(t - 1)) {
                continue;
            }
            final String text = story.segmentText(story.tokenSegment(t));
            final int start = story.tokenStart(t);
            if (start == 0 || text.charAt(start - 1) != '-' || story.tokenEnd(t - 1) != start - 1
                    || !story.startsUpperCase(t - 1)) {
                continue;
            }
            final String word = story.tokenSurface(t).toLowerCase(Locale.ROOT);
            if (word.endsWith("ed") || word.equals("made") || word.equals("built") || word.equals("sold")) {
                story.markBackground(t);
            }
        }
    }

    private static String nextWord(String text, int from) {
        int e = from;
        while (e < text.length() && Character.isLetter(text.charAt(e))) {
            e++;
        }
        return text.substring(from, e).toLowerCase(Locale.ROOT);
    }

    /** End of a clause that may hold a list of names: "following Poland, Finland and Germany". */
    private static int listEnd(String text, int from) {
        int i = from;
        while (true) {
            final int end = clauseEnd(text, i);
            if (end >= text.length() || text.charAt(end) != ',') {
                return end;
            }
            int next = end + 1;
            while (next < text.length() && text.charAt(next) == ' ') {
                next++;
            }
            if (next < text.length() && Character.isUpperCase(text.charAt(next))
                    || text.startsWith("and ", next)) {
                i = next;
            } else {
                return end;
            }
        }
    }

    private static int clauseEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c == '(') {
                final int close = text.indexOf(')', i);
                if (close > 0 && text.indexOf('.', i) > close) {
                    i = close; // a parenthesis inside the clause, e.g. an acronym: "(DRDO)"
                    continue;
                }
            }
            if (c == ',' || c == ';' || c == '\u2014' || c == '\u2013' || c == '(' || c == ')' || c == '.'
                    || c == '!' || c == '?' || c == '\n') {
                return i;
            }
        }
        return text.length();
    }

    /** Marks the tokens of segment {@code seg} within [start, end) whose surface is one of {@code words}. */
    private static void markWords(AnalyzedStory story, int seg, int start, int end, WordSet words) {
        for (int s = 0; s < story.sentenceCount(); s++) {
            if (story.sentenceSegment(s) != seg || story.sentenceEnd(s) <= start || story.sentenceStart(s) >= end) {
                continue;
            }
            for (int t = story.sentenceFirstToken(s); t < story.sentenceEndToken(s); t++) {
                if (story.tokenStart(t) >= start && story.tokenStart(t) < end
                        && words.contains(story, t)) {
                    story.markBackground(t);
                }
            }
        }
    }

    /** Marks the tokens of segment {@code seg} that start within [start, end). */
    private static void markRange(AnalyzedStory story, int seg, int start, int end) {
        for (int s = 0; s < story.sentenceCount(); s++) {
            if (story.sentenceSegment(s) != seg || story.sentenceEnd(s) <= start || story.sentenceStart(s) >= end) {
                continue;
            }
            for (int t = story.sentenceFirstToken(s); t < story.sentenceEndToken(s); t++) {
                if (story.tokenStart(t) >= start && story.tokenStart(t) < end) {
                    story.markBackground(t);
                }
            }
        }
    }
}
