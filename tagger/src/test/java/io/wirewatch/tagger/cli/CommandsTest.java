package io.wirewatch.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void tagWritesOneLinePerInputLineInOrderWithEvidenceOffsetsIntoTheText() throws IOException {
        final String text = "Chile and Peru began joint naval drills on Monday.\n\nShares rose.";
        final Path input = Files.writeString(dir.resolve("in.jsonl"), String.join("\n",
                JSON.createObjectNode().put("id", "a").put("text", text).put("title", "Drills").toString(),
                "{not json",
                JSON.createObjectNode().put("id", "c").put("text", "Rice prices rose in Thailand.").toString()));
        final Path output = dir.resolve("out.jsonl");

        final int exit = new CommandLine(new TagCommand()).execute("--input", input.toString(), "--output",
                output.toString());

        assertThat(exit).isEqualTo(2);
        final List<String> lines = Files.readAllLines(output);
        assertThat(lines).hasSize(3);
        final JsonNode a = JSON.readTree(lines.get(0));
        assertThat(a.get("id").asText()).isEqualTo("a");
        assertThat(a.get("defense_cooperation").asBoolean()).isTrue();
        assertThat(a.get("topics").toString()).isEqualTo("[\"training\"]");
        assertThat(a.get("countries").toString()).isEqualTo("[\"CL\",\"PE\"]");
        assertThat(a.get("mentioned").toString()).isEqualTo("[\"CL\",\"PE\"]");
        assertThat(a.get("cooperations").toString())
                .isEqualTo("[{\"parties\":[\"CL\",\"PE\"],\"topics\":[\"training\"]}]");
        final JsonNode evidence = a.get("evidence").get(0);
        assertThat(evidence.get("topic").asText()).isEqualTo("training");
        assertThat(text.substring(evidence.get("start").asInt(), evidence.get("end").asInt()))
                .isEqualTo(evidence.get("text").asText()).isEqualTo("Chile and Peru began joint naval drills on Monday.");
        assertThat(evidence.get("rule").asText()).startsWith("training/");
        assertThat(JSON.readTree(lines.get(1)).get("error").asText()).contains("in.jsonl:2").contains("not valid JSON");
        final JsonNode c = JSON.readTree(lines.get(2));
        assertThat(c.get("defense_cooperation").asBoolean()).isFalse();
        assertThat(c.get("topics")).isEmpty();
        assertThat(c.get("mentioned").toString()).isEqualTo("[\"TH\"]");
    }

    @Test
    void evalPrintsScoresAndEachMissAndExitsZero() throws IOException {
        final Path gold = Files.writeString(dir.resolve("gold.jsonl"), String.join("\n",
                JSON.createObjectNode().put("id", "g1")
                        .put("text", "Chile and Peru began joint naval drills on Monday.")
                        .put("defense_cooperation", true).set("topics", JSON.valueToTree(List.of("training", "security")))
                        .toString().replace("}", ",\"countries\":[\"CL\",\"PE\"]}"),
                JSON.createObjectNode().put("id", "g2").put("text", "Rice prices rose in Thailand.")
                        .put("defense_cooperation", false).toString()
                        .replace("}", ",\"topics\":[],\"countries\":[]}")));
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final PrintStream previous = System.out;
        final int exit;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            exit = new CommandLine(new EvalCommand()).execute("--gold", gold.toString());
        } finally {
            System.setOut(previous);
        }
        final String report = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(report).contains("training         1.000     1.000     1.000")
                .contains("security         1.000     0.000     0.000")
                .contains("defense_cooperation accuracy 1.000 (2 stories)")
                .contains("party countries precision 1.000 recall 1.000")
                .contains("g1 (line 1)").contains("missed security");
    }
}
