package io.wirewatch.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The detector's text preparation is the library's own for large texts, only cheaper on texts without addresses; it
 * reads the opening of a story, taken without joining the rest.
 */
class LanguageGuesserTest {

    private static final TextObjectFactory LIBRARY = CommonTextObjectFactories.forDetectingOnLargeText();
    private static final TextObjectFactory OURS = LanguageGuesser.largeTextFactory();

    @Property(tries = 1000)
    void preparedTextIsTheLibrarysForAnyText(@ForAll("withAddresses") String text) {
        assertThat(OURS.forText(text).toString()).isEqualTo(LIBRARY.forText(text).toString());
    }

    @Property(tries = 300)
    void preparedTextIsTheLibrarysForArbitraryUnicode(@ForAll String text) {
        assertThat(OURS.forText(text).toString()).isEqualTo(LIBRARY.forText(text).toString());
    }

    @Example
    void urlsAndAddressesAreStillRemoved() {
        String text = "Write to press@ministry.example or see https://ministry.example/news?id=7 for more.";

        assertThat(OURS.forText(text).toString()).isEqualTo(LIBRARY.forText(text).toString())
                .doesNotContain("press@").doesNotContain("https://");
    }

    @Example
    void anEnglishStoryIsEnglish() {
        String story = "The two defence ministries agreed to develop the radar together, and engineers from both "
                + "countries will share the test facilities over the next five years.";

        assertThat(LanguageGuesser.detect(story)).isEqualTo("en");
    }

    @Example
    void onlyTheOpeningOfALongStoryIsRead() {
        String english = "The two defence ministries agreed to develop the radar together, and engineers from both "
                + "countries will share the test facilities over the next five years. ";
        String german = "Die beiden Ministerien haben vereinbart, das Radar gemeinsam zu entwickeln, und Ingenieure "
                + "aus beiden Ländern werden die Prüfstände in den nächsten fünf Jahren gemeinsam nutzen. ";
        List<String> story = List.of(english.repeat(10), german.repeat(40));

        assertThat(LanguageGuesser.detect(story)).isEqualTo("en");
        assertThat(LanguageGuesser.detect(List.of(german.repeat(10), english.repeat(40)))).isEqualTo("de");
        String joined = String.join(" ", story);
        String opening = LanguageGuesser.opening(joined);
        assertThat(opening).hasSizeBetween(LanguageGuesser.SAMPLE_CHARS - 20, LanguageGuesser.SAMPLE_CHARS);
        assertThat(joined).startsWith(opening);
        assertThat(joined.charAt(opening.length())).as("cut at a space").isEqualTo(' ');
    }

    @Property(tries = 500)
    void openingOfTheTextsIsTheOpeningOfTheirJoin(@ForAll("paragraphs") List<String> texts) {
        assertThat(LanguageGuesser.opening(texts)).isEqualTo(LanguageGuesser.opening(String.join(" ", texts)));
    }

    /** Paragraphs of 0 to 3,000 characters, with and without spaces, around the sample size in total. */
    @Provide
    Arbitrary<List<String>> paragraphs() {
        Arbitrary<String> words = Arbitraries.strings().withChars("abc ").ofMinLength(0).ofMaxLength(3000);
        Arbitrary<String> solid = Arbitraries.strings().withChars("xyz").ofMinLength(0).ofMaxLength(2000);
        return Arbitraries.oneOf(words, solid).list().ofMaxSize(6);
    }

    /** Words, URLs, e-mail addresses, their fragments, typographic punctuation, joiners, other scripts. */
    @Provide
    Arbitrary<String> withAddresses() {
        Arbitrary<String> pieces = Arbitraries.of("news", "the", "Ministry", " ", "  ", "@", "://", "http://",
                "https://x.example/a?b=c", "mail@host.example", "a.b@c", "http:/", ":/", "//", "Москва", "東京",
                "\u05E9\u05DC\u05D5\u05DD", "1.5", "-", "_", "~", ";", "\u2019", "\u201C", "\u2014", "\u200D",
                "\u0301", "caf\u00E9", "\u00B5", "\u0391\u03B8\u03AE\u03BD\u03B1");
        return pieces.list().ofMaxSize(30).map(list -> String.join("", list));
    }
}
