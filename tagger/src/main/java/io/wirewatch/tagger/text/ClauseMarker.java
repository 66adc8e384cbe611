package io.wirewatch.tagger.text;

import java.util.Locale;
import java.util.Set;

/**
 * Marks background text inside sentences, whose words neither tag a topic nor make a party: descriptive relative
 * clauses (", which is developed jointly by ...", ", who was ...") and "amid ..." phrases, each up to the next
 * comma, semicolon, dash or bracket. A relative clause about what will happen (", which will ...") is not
 * background.
 */
public final class ClauseMarker {

    private static final String[] RELATIVES = {", which ", ", who ", ", whose ", ", that "};
    /** Phrases that open background up to the end of their clause: the context, or earlier cases. */
    private static final String[] OPENERS = {"amid ", "Amid ", ", following ", ", joining ", ", after similar "};
    private static final Set<String> DESCRIPTIVE = Set.of("is", "was", "are", "were", "has", "have", "had", "been",
            "already", "previously", "originally", "also");

    private ClauseMarker() {
    }

    public static void mark(AnalyzedStory story) {
        markAttributiveOrigins(story);
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
                    || !Character.isUpperCase(story.tokenFirstChar(t - 1))) {
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
