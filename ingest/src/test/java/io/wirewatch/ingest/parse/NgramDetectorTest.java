package io.wirewatch.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.NgramFrequencyData;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The detector decides as the library does, to the last bit of every probability it reports, on real stories, the
 * samples, texts around the short-text limit and random texts mixing languages and scripts.
 */
class NgramDetectorTest {

    private static final List<LanguageProfile> PROFILES = profiles();
    private static final LanguageDetector LIBRARY = LanguageDetectorBuilder.create(NgramExtractors.standard())
            .withProfiles(PROFILES).build();
    private static final NgramDetector OURS = NgramDetector.of(PROFILES);
    private static final TextObjectFactory TEXTS = LanguageGuesser.largeTextFactory();

    @Example
    void theTableHoldsTheLibrarysProbabilitiesForEveryNgramOfEveryProfile() {
        Set<LanguageProfile> set = new HashSet<>(PROFILES);
        NgramFrequencyData library = NgramFrequencyData.create(set, List.of(1, 2, 3));
        NgramTable table = NgramTable.of(set, List.of(1, 2, 3));
        int grams = 0;
        List<String> different = new ArrayList<>();

        assertThat(table.languages()).isEqualTo(library.getLanguageList());
        for (LanguageProfile profile : PROFILES) {
            for (int length = 1; length <= 3; length++) {
                for (Map.Entry<String, Integer> gram : profile.iterateGrams(length)) {
                    int row = table.row(gram.getKey(), 0, gram.getKey().length());
                    if (row < 0 || !Arrays.equals(table.probabilities(row), library.getProbabilities(gram.getKey()))) {
                        different.add(profile.getLocale() + ":" + gram.getKey());
                    }
                    grams++;
                }
            }
        }
        assertThat(different).isEmpty();
        assertThat(grams).isGreaterThan(100_000);
        assertThat(table.row("\uFFFFq\uFFFF", 0, 3)).isNegative();
        assertThat(table.row("xx", 0, 2)).isEqualTo(table.row(" xx", 1, 2));
    }

    @Example
    void everyStoryAndParagraphOfTheSharedCorpusGetsTheLibrarysProbabilities() throws IOException {
        List<String> texts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(Fixtures.shared("eval/dev.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode story = json.readTree(line);
            String text = story.path("text").asText("");
            texts.add(story.path("title").asText(""));
            texts.add(text);
            texts.add(LanguageGuesser.opening(text));
            texts.addAll(List.of(text.split("\n")));
        }

        assertThat(texts).hasSizeGreaterThan(50);
        texts.forEach(NgramDetectorTest::assertSameAsLibrary);
    }

    @Example
    void windowsAroundTheShortTextLimitGetTheLibrarysProbabilities() {
        String text = new String(Fixtures.read(Fixtures.shared("samples/israel-india-2022-06-02.txt")),
                StandardCharsets.UTF_8);

        for (int start = 0; start < 2_000 && start < text.length(); start += 251) {
            for (int length = 1; length <= 90 && start + length <= text.length(); length++) {
                assertSameAsLibrary(text.substring(start, start + length));
            }
        }
    }

    @Example
    void theProjectSamplesGetTheLibrarysProbabilities() {
        for (String name : List.of("wire-text-plain.txt", "wire-text-with-headers.txt", "ninjs2-story.json",
                "newsml-nitf.xml", "rss2-feed.xml", "archive.jsonl")) {
            assertSameAsLibrary(new String(Fixtures.sample(name), StandardCharsets.UTF_8));
        }
    }

    @Example
    void anEnglishParagraphIsEnglishAndNoiseIsNothing() {
        assertThat(OURS.detect(TEXTS.forText("The two ministries agreed to build the radar together, and both "
                + "navies will train their crews on it from next spring."))).isEqualTo(LdLocale.fromString("en"));
        assertThat(OURS.detect("")).isNull();
        assertThat(OURS.detect("   ")).isNull();
    }

    @Property(tries = 150)
    void randomTextsInManyLanguagesGetTheLibrarysProbabilities(@ForAll("mixedTexts") String text) {
        assertSameAsLibrary(text);
    }

    @Property(tries = 100)
    void arbitraryUnicodeGetsTheLibrarysProbabilities(@ForAll String text) {
        assertSameAsLibrary(text);
    }

    /** Words of several languages and scripts, some close to each other, short and long texts. */
    @Provide
    Arbitrary<String> mixedTexts() {
        Arbitrary<String> words = Arbitraries.of("the", "defence", "ministers", "agreed", "radar", "navy", "und",
                "die", "Zusammenarbeit", "gemeinsam", "les", "ministres", "coopération", "défense", "el", "ejército",
                "acuerdo", "cooperação", "marinha", "samenwerking", "marine", "het", "og", "forsvar", "samarbejde",
                "och", "försvar", "współpraca", "obrona", "оборона", "сотрудничество", "співпраця", "防衛", "協力",
                "국방", "협력", "دفاع", "تعاون", "הגנה", "שיתוף", "रक्षा", "सहयोग", "1999", "-", ",", ".", "  ",
                "\u2019", "e-mail@host.example", "https://x.example/a");
        return words.list().ofMinSize(1).ofMaxSize(400).map(list -> String.join(" ", list));
    }

    private static void assertSameAsLibrary(String text) {
        CharSequence prepared = TEXTS.forText(text);
        assertThat(OURS.probabilities(prepared)).as("prepared: %s", abbreviate(text))
                .containsExactlyEntriesOf(library(prepared));
        assertThat(OURS.detect(prepared)).isEqualTo(LIBRARY.detect(prepared).orNull());
        assertThat(OURS.probabilities(text)).as("raw: %s", abbreviate(text)).containsExactlyEntriesOf(library(text));
    }

    private static Map<LdLocale, Double> library(CharSequence text) {
        Map<LdLocale, Double> probabilities = new LinkedHashMap<>();
        for (DetectedLanguage language : LIBRARY.getProbabilities(text)) {
            probabilities.put(language.getLocale(), language.getProbability());
        }
        return probabilities;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    private static List<LanguageProfile> profiles() {
        try {
            return new LanguageProfileReader().readAllBuiltIn();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
