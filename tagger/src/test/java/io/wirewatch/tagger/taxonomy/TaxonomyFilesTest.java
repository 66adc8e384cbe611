package io.wirewatch.tagger.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wirewatch.avro.WatchMatch;
import io.wirewatch.tagger.Enrichment;
import io.wirewatch.tagger.Stories;
import io.wirewatch.tagger.TaxonomyTagger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyFilesTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("taxonomy.yaml"), yaml);
    }

    @Test
    void shippedTaxonomyHasTheFiveTopicsWithIptcCodes() {
        final Taxonomy t = TaxonomyReader.readDefault();
        assertThat(t.fullVersion()).isEqualTo("defense-cooperation/1.0.0");
        assertThat(t.topics()).extracting(TopicDefinition::id)
                .containsExactly("rnd", "exports", "training", "industrial", "security");
        assertThat(t.topics()).allSatisfy(topic -> {
            assertThat(topic.iptcCode()).startsWith("medtop:");
            assertThat(topic.rules()).allSatisfy(r -> assertThat(r.id()).startsWith(topic.id() + "/"));
        });
    }

    @Test
    void customTaxonomyFileReplacesTheShippedOneAndItsVersionTravels() throws IOException {
        final Path file = write("""
                name: naval
                version: 2.1.0
                contexts:
                  sea: navy navies naval
                topics:
                  - id: port-calls
                    label: Port calls
                    rules:
                      - id: port-calls/visit
                        query: '"port call" OR "port visit"'
                        context: sea
                        scope: story
                watches:
                  - id: frigates
                    query: frigate*
                """);
        try (TaxonomyTagger tagger = TaxonomyTagger.load(file)) {
            final Enrichment e = tagger.tag(Stories.of("A Chilean navy frigate made a port call in Peru, "
                    + "officials of both navies said."));
            assertThat(e.taxonomyVersion()).isEqualTo("naval/2.1.0");
            assertThat(e.cooperations()).singleElement().satisfies(c -> {
                assertThat(c.getParties()).containsExactly("CL", "PE");
                assertThat(c.getTopics()).containsExactly("port-calls");
            });
            assertThat(e.watches()).extracting(WatchMatch::getId).containsExactly("frigates");
            assertThat(e.watches().get(0).getEvidence()).singleElement()
                    .satisfies(ev -> assertThat(ev.getRule()).isEqualTo("frigates"));
        }
    }

    @Test
    void invalidQueryIsReportedWithFileRuleAndQuery() throws IOException {
        final Path file = write("""
                name: broken
                version: 1.0.0
                topics:
                  - id: rnd
                    rules:
                      - id: rnd/bad
                        query: '"joint research'
                """);
        assertThatThrownBy(() -> TaxonomyTagger.load(file)).isInstanceOf(TaxonomyException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("rule 'rnd/bad'")
                .hasMessageContaining("not valid Lucene query syntax");
    }

    @Test
    void undefinedContextIsReportedWithTheDefinedOnes() throws IOException {
        final Path file = write("""
                name: broken
                version: 1.0.0
                contexts:
                  defense: military
                topics:
                  - id: rnd
                    rules:
                      - id: rnd/x
                        query: research
                        context: defence
                """);
        assertThatThrownBy(() -> TaxonomyTagger.load(file)).isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("requires context 'defence'").hasMessageContaining("[defense]");
    }

    @Test
    void missingFieldsAndDuplicatesAreReported() throws IOException {
        assertThatThrownBy(() -> TaxonomyTagger.load(write("version: 1\ntopics: []\n")))
                .hasMessageContaining("'name' is required");
        assertThatThrownBy(() -> TaxonomyTagger.load(write("""
                name: x
                version: 1
                topics:
                  - id: a
                    rules: [{id: r, query: a}]
                  - id: b
                    rules: [{id: r, query: b}]
                """))).hasMessageContaining("rule id 'r' appears twice");
        assertThatThrownBy(() -> TaxonomyTagger.load(dir.resolve("missing.yaml")))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> TaxonomyTagger.load(write("name: x\nversion: 1\ntopics:\n  - id: a\n"
                + "    rules: [{id: r, query: a, scope: everywhere}]\n")))
                .hasMessageContaining("scope 'everywhere' is not one of [sentence, paragraph, story]");
    }

    @Test
    void ruleOfStopWordsOnlyNeverMatches() throws IOException {
        final Path file = write("name: x\nversion: 1\ntopics:\n  - id: a\n    rules: [{id: a/r, query: 'the AND of'}]\n");
        try (TaxonomyTagger tagger = TaxonomyTagger.load(file)) {
            assertThat(tagger.tag(Stories.of("The rest of the story of India and Japan.")).topics()).isEmpty();
        }
    }

    @Test
    void unsupportedQueryTypeIsRefused() throws IOException {
        final Path file = write("name: x\nversion: 1\ntopics:\n  - id: a\n    rules: [{id: a/r, query: 'navy~1'}]\n");
        assertThatThrownBy(() -> TaxonomyTagger.load(file)).isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("rule 'a/r'").hasMessageContaining("unsupported query part");
    }
}
