package io.wirewatch.ingest.parse;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Text normalization shared by every parser: what a paragraph, headline or id hash is made of. */
public final class Texts {

    private static final Pattern CREDIT = Pattern.compile("\\(\\s*credit\\s*:[^()]*\\)\\s*$",
            Pattern.CASE_INSENSITIVE);

    private Texts() {
    }

    /**
     * NFC, control characters removed, every run of whitespace (including no-break spaces) one space, trimmed.
     * Null stays null; a blank result becomes null. One pass over the characters, and no copy at all when the text
     * is already clean (the id and content hash clean every paragraph again): the same result as removing
     * {@code [\p{Cc}&&[^\s]]}, replacing {@code [\s\u00A0\u2007\u202F\u200B\uFEFF]+} with one space and
     * trimming, at a fraction of the cost of those regular expressions.
     */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        if (isClean(nfc)) {
            return nfc.isEmpty() ? null : nfc;
        }
        StringBuilder out = new StringBuilder(nfc.length());
        boolean space = false;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (isSpace(c)) {
                space = true;
            } else if (!isControl(c)) {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    /** No control character, no whitespace but single spaces between other characters. */
    private static boolean isClean(String text) {
        int last = text.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if (c > ' ' && c < '\u007F') {
                continue; // printable ASCII, most of any text: neither space nor control
            }
            if (c == ' ') {
                if (i == 0 || i == last || text.charAt(i + 1) == ' ') {
                    return false;
                }
            } else if (isSpace(c) || isControl(c)) {
                return false;
            }
        }
        return true;
    }

    /** {@code [\s\u00A0\u2007\u202F\u200B\uFEFF]} ({@code \s} is {@code [ \t\n\x0B\f\r]}). */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u00A0' || c == '\u2007' || c == '\u202F'
                || c == '\u200B' || c == '\uFEFF';
    }

    /** {@code [\p{Cc}&&[^\s]]}: C0 and C1 controls other than the whitespace ones. */
    private static boolean isControl(char c) {
        return (c <= '\u001F' || (c >= '\u007F' && c <= '\u009F')) && !(c >= '\t' && c <= '\r');
    }

    /**
     * A photo caption: a paragraph ending in {@code (credit: ...)}. Only the text from the last "(" on can match
     * (no parenthesis may follow the opening one), so only that is searched, not every "(" of the paragraph.
     */
    public static boolean isCaption(String paragraph) {
        if (paragraph == null) {
            return false;
        }
        int open = paragraph.lastIndexOf('(');
        return open >= 0 && CREDIT.matcher(paragraph).region(open, paragraph.length()).find();
    }
}
