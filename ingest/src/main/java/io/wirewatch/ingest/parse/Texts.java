package io.wirewatch.ingest.parse;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Text normalization shared by every parser: what a paragraph, headline or id hash is made of. */
public final class Texts {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B\\uFEFF]+");
    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}&&[^\\s]]");
    private static final Pattern CREDIT = Pattern.compile("\\(\\s*credit\\s*:[^()]*\\)\\s*$",
            Pattern.CASE_INSENSITIVE);

    private Texts() {
    }

    /**
     * NFC, control characters removed, every run of whitespace (including no-break spaces) one space, trimmed.
     * Null stays null; a blank result becomes null.
     */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        String cleaned = SPACES.matcher(CONTROLS.matcher(nfc).replaceAll("")).replaceAll(" ").trim();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** A photo caption: a paragraph ending in {@code (credit: ...)}. */
    public static boolean isCaption(String paragraph) {
        return paragraph != null && CREDIT.matcher(paragraph).find();
    }
}
