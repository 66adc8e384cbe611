package io.wirewatch.ingest.parse;

import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.RemoveMinorityScriptsTextFilter;
import com.optimaize.langdetect.text.TextFilter;
import com.optimaize.langdetect.text.TextObjectFactory;
import com.optimaize.langdetect.text.TextObjectFactoryBuilder;
import com.optimaize.langdetect.text.UrlTextFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The language of a story whose source names none, detected by the optimaize language-detector (n-gram profiles of
 * 71 languages) on the opening of the text: at most {@value #SAMPLE_CHARS} characters, cut at a space. Returns a BCP
 * 47 tag such as {@code en}, or null when the text is too short or the detector is not confident. The profiles load
 * once per JVM, on first use (about a second).
 *
 * <p>The detector is the library's algorithm on the library's data ({@link NgramDetector}: same decisions, without
 * turning every character of the sample into n-gram strings first).
 *
 * <p>Why the opening only: the detector turns every character of its sample into three n-gram strings before it
 * draws a few hundred of them at random; on a 4,000-character sample that was most of ingest's CPU per story, and a
 * paragraph or two of running text names its language as surely as a whole story.
 */
public final class LanguageGuesser {

    /** Below this many letters the detector guesses more than it knows. */
    static final int MIN_LETTERS = 24;
    /** Characters of text the detector reads at most. */
    public static final int SAMPLE_CHARS = 1_500;

    private static final class Holder {
        static final NgramDetector DETECTOR = profiles();
        static final TextObjectFactory TEXTS = largeTextFactory();
    }

    private static final Logger LOG = LoggerFactory.getLogger(LanguageGuesser.class);

    private LanguageGuesser() {
    }

    /** Loads the language profiles now (a service does so at startup, not on its first story). */
    public static void load() {
        if (Holder.DETECTOR == null) {
            throw new IllegalStateException("language profiles missing");
        }
    }

    /** A BCP 47 language tag for the opening of the text, or null. */
    public static String detect(String text) {
        if (text == null) {
            return null;
        }
        String sample = opening(text);
        if (letters(sample) < MIN_LETTERS) {
            return null;
        }
        LdLocale language = Holder.DETECTOR.detect(Holder.TEXTS.forText(sample));
        return language == null ? null : language.toString();
    }

    /** A BCP 47 language tag for the opening of the texts joined by spaces, or null. */
    public static String detect(List<String> texts) {
        return detect(opening(texts));
    }

    /**
     * The opening of the texts joined by spaces, {@code opening(String.join(" ", texts))}, without joining more of
     * them than the opening needs.
     */
    static String opening(List<String> texts) {
        StringBuilder joined = new StringBuilder(SAMPLE_CHARS + 1);
        for (int i = 0; i < texts.size() && joined.length() <= SAMPLE_CHARS; i++) {
            if (i > 0) {
                joined.append(' ');
            }
            String text = texts.get(i);
            joined.append(text, 0, Math.min(text.length(), Math.max(0, SAMPLE_CHARS + 1 - joined.length())));
        }
        return opening(joined.toString());
    }

    /** The text up to {@value #SAMPLE_CHARS} characters, cut after its last space within them (if it has one). */
    static String opening(String text) {
        if (text.length() <= SAMPLE_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SAMPLE_CHARS);
        return text.substring(0, cut > 0 ? cut : SAMPLE_CHARS);
    }

    private static int letters(String text) {
        int count = 0;
        for (int i = 0; i < text.length() && count < MIN_LETTERS; i++) {
            if (Character.isLetter(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    /**
     * What {@code CommonTextObjectFactories.forDetectingOnLargeText()} builds (URLs and e-mail addresses removed,
     * scripts under 30% of the text removed, 10,000 characters at most), except that each filter runs only on texts
     * it can change. The URL and e-mail filter needs "://" or "@": its e-mail pattern backtracks at every letter of
     * every word and was a fifth of ingest's CPU on stories without a single address. The script filter counts the
     * characters of each script except COMMON and UNKNOWN (INHERITED ones count for the script before them) and
     * changes nothing while only one script is counted: ASCII and General Punctuation (quotes, dashes) hold one,
     * Latin.
     */
    static TextObjectFactory largeTextFactory() {
        TextFilter urls = UrlTextFilter.getInstance();
        TextFilter scripts = RemoveMinorityScriptsTextFilter.forThreshold(0.3);
        return new TextObjectFactoryBuilder()
                .maxTextLength(10_000)
                .withTextFilter(text -> mayHoldAddress(text) ? urls.filter(text) : text.toString())
                .withTextFilter(text -> latinOnly(text) ? text.toString() : scripts.filter(text))
                .build();
    }

    /** Only ASCII and General Punctuation (U+2000..U+206F: COMMON, UNKNOWN and the INHERITED joiners). */
    static boolean latinOnly(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && (c < 0x2000 || c > 0x206F)) {
                return false;
            }
        }
        return true;
    }

    /** True unless the text has neither "://" (every URL the filter removes) nor "@" (every e-mail address). */
    static boolean mayHoldAddress(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@' || (c == ':' && i + 2 < text.length() && text.charAt(i + 1) == '/'
                    && text.charAt(i + 2) == '/')) {
                return true;
            }
        }
        return false;
    }

    private static NgramDetector profiles() {
        long started = System.nanoTime();
        try {
            NgramDetector detector = NgramDetector.of(new LanguageProfileReader().readAllBuiltIn());
            LOG.info("Loaded the language detector's profiles in {} ms", (System.nanoTime() - started) / 1_000_000);
            return detector;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the language profiles of language-detector", e);
        }
    }
}
