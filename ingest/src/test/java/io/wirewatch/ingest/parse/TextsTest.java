package io.wirewatch.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * {@link Texts#clean} gives what the regular expressions it replaced gave, on any text; {@link Texts#isCaption} what
 * its regular expression gives over the whole paragraph.
 */
class TextsTest {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B\\uFEFF]+");
    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}&&[^\\s]]");
    private static final Pattern CREDIT = Pattern.compile("\\(\\s*credit\\s*:[^()]*\\)\\s*$",
            Pattern.CASE_INSENSITIVE);

    /** The former implementation, kept as the oracle. */
    private static String byRegex(String text) {
        if (text == null) {
            return null;
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        String cleaned = SPACES.matcher(CONTROLS.matcher(nfc).replaceAll("")).replaceAll(" ").trim();
        return cleaned.isEmpty() ? null : cleaned;
    }

    @Property(tries = 2000)
    void cleaningMatchesTheRegularExpressionsOnAnyText(@ForAll("hostile") String text) {
        assertThat(Texts.clean(text)).isEqualTo(byRegex(text));
    }

    @Property(tries = 500)
    void cleaningMatchesTheRegularExpressionsOnArbitraryUnicode(@ForAll String text) {
        assertThat(Texts.clean(text)).isEqualTo(byRegex(text));
    }

    @Example
    void cleanTextComesBackAsItIs() {
        String text = "Troops from Norway and Chile began a joint exercise.";

        assertThat(Texts.clean(text)).isSameAs(text);
    }

    @Example
    void whitespaceRunsBecomeOneSpaceAndControlsGo() {
        assertThat(Texts.clean("\u00A0 a\t\u0001b \r\n\u2007c\u200B\uFEFF ")).isEqualTo("a b c");
        assertThat(Texts.clean(" \u0007\u0085 ")).isNull();
        assertThat(Texts.clean(null)).isNull();
    }

    @Property(tries = 2000)
    void captionsAreWhatTheCreditPatternFindsAnywhereInTheParagraph(@ForAll("parenthesized") String paragraph) {
        assertThat(Texts.isCaption(paragraph)).isEqualTo(CREDIT.matcher(paragraph).find());
    }

    @Example
    void aCreditAtTheEndMakesACaptionAndOneInTheMiddleDoesNot() {
        assertThat(Texts.isCaption("Engineers test the radar (Credit : Ministry (archive) photo) ")).isFalse();
        assertThat(Texts.isCaption("Engineers (in blue) test the radar (credit: Ministry photo)  ")).isTrue();
        assertThat(Texts.isCaption("Engineers test the radar (credit: Ministry photo) in May")).isFalse();
        assertThat(Texts.isCaption(null)).isFalse();
    }

    /** Pieces of credit lines, parentheses and words in any order. */
    @Provide
    Arbitrary<String> parenthesized() {
        return Arbitraries.of("(", ")", "credit", "Credit", "CREDIT", ":", " ", "\t", "photo", "a", "(credit:",
                        "(credit: x)", ") ").list().ofMaxSize(14).map(pieces -> String.join("", pieces));
    }

    /** Letters mixed with every character class the cleaning treats specially, and combining marks (NFC). */
    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<Character> special = Arbitraries.of(' ', '\t', '\n', '\u000B', '\f', '\r', '\u001C', '\u001F',
                '\u0000', '\u0007', '\u007F', '\u0085', '\u009F', '\u00A0', '\u2007', '\u202F', '\u200B', '\uFEFF',
                '\u2028', '\u3000', '\u0301', 'e', 'A', '.', '\uD83D', '\uDE00');
        Arbitrary<Character> letters = Arbitraries.chars().range('a', 'z');
        return Arbitraries.frequencyOf(Tuple.of(3, special), Tuple.of(2, letters))
                .list().ofMaxSize(40)
                .map(chars -> {
                    StringBuilder s = new StringBuilder();
                    chars.forEach(s::append);
                    return s.toString();
                });
    }
}
