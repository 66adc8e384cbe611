package io.wirewatch.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The detector's text preparation is the library's own for large texts, only cheaper on texts without addresses. */
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
