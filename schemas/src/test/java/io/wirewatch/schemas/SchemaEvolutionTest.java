package io.wirewatch.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaEvolutionTest {

    private static final Path HISTORY = Paths.get("history");

    @Test
    void currentContractReadsEveryRecordWrittenWithThePreviousVersion() throws IOException {
        Path previous = latestVersion();
        Map<String, Schema> old = SchemaFiles.parseDirectory(previous);
        assertThat(old).as("schemas kept in %s", previous).isNotEmpty();

        List<SchemaEvolution.Problem> problems = SchemaEvolution.backwardProblems(old, ContractSchemas.byFullName());

        assertThat(problems)
                .as("the contract must stay BACKWARD compatible with %s; add fields with defaults instead", previous)
                .isEmpty();
    }

    @Test
    void everyTopLevelSchemaOfTheContractIsKeptInHistory() throws IOException {
        Map<String, Schema> old = SchemaFiles.parseDirectory(latestVersion());

        assertThat(old.keySet()).containsExactlyInAnyOrderElementsOf(ContractSchemas.byFullName().keySet());
    }

    @Test
    void anIncompatibleChangeIsReportedWithTheFieldItBreaks() throws Exception {
        Schema broken = new Schema.Parser().parse(
                Path.of(getClass().getResource("/incompatible/RawStory.avsc").toURI()).toFile());
        Map<String, Schema> old = SchemaFiles.parseDirectory(latestVersion());

        List<SchemaEvolution.Problem> problems =
                SchemaEvolution.backwardProblems(old.get("io.wirewatch.avro.RawStory"), broken);

        assertThat(problems).extracting(SchemaEvolution.Problem::description)
                .anySatisfy(d -> assertThat(d).contains("READER_FIELD_MISSING_DEFAULT").contains("region"))
                .anySatisfy(d -> assertThat(d).contains("urgency"));
    }

    @Test
    void removingARecordFromTheContractIsReported() throws IOException {
        Map<String, Schema> old = SchemaFiles.parseDirectory(latestVersion());
        Map<String, Schema> current = new java.util.HashMap<>(ContractSchemas.byFullName());
        current.remove("io.wirewatch.avro.DeadLetter");

        assertThat(SchemaEvolution.backwardProblems(old, current))
                .extracting(SchemaEvolution.Problem::schema)
                .containsExactly("io.wirewatch.avro.DeadLetter");
    }

    @Test
    void everyFieldOfTheContractIsDocumented() {
        for (Schema schema : ContractSchemas.TOP_LEVEL) {
            assertDocumented(schema, new java.util.HashSet<>());
        }
    }

    private static void assertDocumented(Schema schema, java.util.Set<String> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (!seen.add(schema.getFullName())) {
                    return;
                }
                assertThat(schema.getDoc()).as("doc of record %s", schema.getFullName()).isNotBlank();
                for (Schema.Field field : schema.getFields()) {
                    assertThat(field.doc()).as("doc of %s.%s", schema.getFullName(), field.name()).isNotBlank();
                    assertDocumented(field.schema(), seen);
                }
            }
            case ARRAY -> assertDocumented(schema.getElementType(), seen);
            case MAP -> assertDocumented(schema.getValueType(), seen);
            case UNION -> schema.getTypes().forEach(s -> assertDocumented(s, seen));
            case ENUM -> assertThat(schema.getDoc()).as("doc of enum %s", schema.getFullName()).isNotBlank();
            default -> { }
        }
    }

    private static Path latestVersion() throws IOException {
        try (Stream<Path> versions = Files.list(HISTORY)) {
            return versions.filter(Files::isDirectory)
                    .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().substring(1))))
                    .orElseThrow(() -> new IllegalStateException("no schema history under " + HISTORY.toAbsolutePath()));
        }
    }
}
