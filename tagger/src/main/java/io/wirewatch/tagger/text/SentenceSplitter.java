package io.wirewatch.tagger.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a paragraph into sentences, tuned for wire copy where the JDK's BreakIterator goes wrong: a line break
 * ends a sentence (a headline without a period stays apart from the first sentence), abbreviations and initials
 * ("U.S.", "Brig.-Gen.", "B.S. Dhanoa", "Mr.") do not end one unless a sentence plainly starts after them, a
 * sentence may start in lower case, and closing quotes stay with the sentence they end. Sentences are trimmed of
 * surrounding whitespace; text without any letter or digit is not a sentence.
 */
public final class SentenceSplitter {

    /** Abbreviations that never end a sentence: titles and the like, always followed by a name or number. */
    private static final Set<String> TITLES = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "cdr", "adm", "brig", "sgt",
            "cpl", "pvt", "rep", "sen", "gov", "pres", "st", "mt", "ft", "no", "nos", "vs", "v", "e.g", "i.e", "cf",
            "approx", "dept", "rev", "hon", "messrs", "fig", "art", "sec", "vol", "pp", "ch", "para", "rs", "mst");

    /** Abbreviations that may end a sentence; they do when a typical sentence opener follows. */
    private static final Set<String> MAY_END = Set.of(
            "u.s", "u.k", "u.n", "e.u", "u.a.e", "u.s.a", "inc", "co", "corp", "ltd", "plc", "llc", "bros", "jr", "sr",
            "etc", "a.m", "p.m", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "md", "va", "calif", "mass", "wash", "fla", "ga", "pa", "ill", "tex", "conn", "mich", "minn", "ariz",
            "colo", "govt", "est", "s.a", "ag", "n.v", "b.v");

    /** Words that typically open a sentence; after an abbreviation that may end one, they mean it did. */
    private static final Set<String> OPENERS = Set.of(
            "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there",
            "in", "on", "at", "but", "and", "or", "so", "yet", "however", "meanwhile", "its", "his", "her", "their",
            "our", "as", "after", "before", "while", "when", "if", "since", "according", "also", "both", "last",
            "earlier", "later", "officials", "analysts");

    /** Line breaks and sentence marks: the only characters the splitter stops at. */
    private static final char[] MARKS = {'\n', '\r', '\u2029', '\u2028', '.', '!', '?', '\u2026'};

    private SentenceSplitter() {
    }

    /** The sentences of one paragraph, in order. */
    public static List<Sentence> split(int paragraph, String text) {
        final List<Sentence> out = new ArrayList<>();
        final int n = text.length();
        int start = 0;
        int i = 0;
        final int[] nextMarks = new int[MARKS.length];
        Arrays.fill(nextMarks, -1);
        while (i < n) {
            i = nextMark(text, i, nextMarks); // every other character only moves on
            if (i >= n) {
                break;
            }
            final char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2029' || c == '\u2028') {
                add(out, paragraph, text, start, i);
                start = i + 1;
                i++;
                continue;
            }
            if (c == '.' || c == '!' || c == '?' || c == '\u2026') {
                int end = i + 1;
                while (end < n && isTerminal(text.charAt(end))) {
                    end++;
                }
                while (end < n && isCloser(text.charAt(end))) {
                    end++;
                }
                if (end >= n) {
                    break;
                }
                if (!Character.isWhitespace(text.charAt(end))) {
                    i = end;
                    continue;
                }
                int next = end;
                while (next < n && Character.isWhitespace(text.charAt(next)) && text.charAt(next) != '\n') {
                    next++;
                }
                if (next < n && text.charAt(next) != '\n' && endsHere(text, i, next, c)) {
                    add(out, paragraph, text, start, end);
                    start = next;
                }
                i = next;
                continue;
            }
            i++;
        }
        add(out, paragraph, text, start, n);
        return out;
    }

    /**
     * The index of the first line break or sentence mark at or after {@code from}, or the text's length; {@code
     * next} holds each mark's next index found so far (stale when below {@code from}), so each mark is searched
     * for once per stretch of text.
     */
    private static int nextMark(String text, int from, int[] next) {
        int first = text.length();
        for (int k = 0; k < MARKS.length; k++) {
            if (next[k] < from) {
                final int at = text.indexOf(MARKS[k], from);
                next[k] = at < 0 ? Integer.MAX_VALUE : at;
            }
            first = Math.min(first, next[k]);
        }
        return first;
    }

    private static boolean endsHere(String text, int punct, int next, char mark) {
        if (mark != '.') {
            return true;
        }
        final String word = wordBefore(text, punct);
        final String lower = word.toLowerCase(Locale.ROOT);
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0)) && isInitialStart(text, punct - 1)) {
            return false;
        }
        if (TITLES.contains(lower)) {
            return false;
        }
        if (lower.length() > 1 && isInitials(word)) {
            return opensSentence(text, next);
        }
        if (MAY_END.contains(lower)) {
            return opensSentence(text, next);
        }
        return true;
    }

    /** Whether the letter at {@code i} starts a word ("B. Smith"), not ends one ("R&D"). */
    private static boolean isInitialStart(String text, int i) {
        if (i == 0) {
            return true;
        }
        final char before = text.charAt(i - 1);
        return Character.isWhitespace(before) || before == '.' || before == '(' || before == '-';
    }

    /** "U.S", "B.S", "a.m": letters separated by periods. */
    private static boolean isInitials(String word) {
        if (word.indexOf('.') < 0) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            final char ch = word.charAt(k);
            if (ch != '.' && !Character.isLetter(ch)) {
                return false;
            }
            if (Character.isLetter(ch) && k + 1 < word.length() && word.charAt(k + 1) != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean opensSentence(String text, int next) {
        int k = next;
        while (k < text.length() && isQuote(text.charAt(k))) {
            k++;
        }
        if (k < text.length() && k > next && Character.isUpperCase(text.charAt(k))) {
            return true;
        }
        int e = k;
        while (e < text.length() && Character.isLetter(text.charAt(e))) {
            e++;
        }
        return e > k && Character.isUpperCase(text.charAt(k))
                && OPENERS.contains(text.substring(k, e).toLowerCase(Locale.ROOT));
    }

    /** The word (letters, digits and inner periods) just before position {@code punct}. */
    private static String wordBefore(String text, int punct) {
        int s = punct;
        while (s > 0) {
            final char ch = text.charAt(s - 1);
            if (Character.isLetterOrDigit(ch) || (ch == '.' && s - 1 > 0 && Character.isLetter(text.charAt(s - 2)))) {
                s--;
            } else {
                break;
            }
        }
        return text.substring(s, punct);
    }

    private static boolean isTerminal(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\u2026';
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '\u201D' || c == '\u2019' || c == ')' || c == ']' || c == '\u00BB';
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\u201C' || c == '\u2018' || c == '\u00AB';
    }

    private static void add(List<Sentence> out, int paragraph, String text, int from, int to) {
        int s = from;
        int e = to;
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        for (int k = s; k < e; k++) {
            if (Character.isLetterOrDigit(text.charAt(k))) {
                out.add(new Sentence(paragraph, s, e));
                return;
            }
        }
    }
}
