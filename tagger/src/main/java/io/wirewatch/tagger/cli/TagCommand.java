package io.wirewatch.tagger.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wirewatch.tagger.TaxonomyTagger;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wirewatch tag --input stories.jsonl [--output tagged.jsonl] [--taxonomy FILE]}: one output line per
 * input line, in the same order. A line that cannot be read or tagged gives {@code {"line": n, "error": "..."}}
 * in its place (and the same message on stderr), and tagging goes on; the exit code is then 2.
 */
@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Tags stories offline (JSON lines with id, text, title?, published?) and writes one JSON line "
                + "per story: defense_cooperation, topics, countries, mentioned, cooperations, evidence.")
public final class TagCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Stories, one JSON object a line.")
    Path input;

    @Option(names = "--output", paramLabel = "FILE", description = "Where to write the tagged lines (default: stdout).")
    Path output;

    @Option(names = "--taxonomy", paramLabel = "FILE",
            description = "Taxonomy YAML to use instead of the shipped one.")
    Path taxonomy;

    /** Runs the command on its own (until the root {@code wirewatch} command adds it). */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new TagCommand()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        final PrintStream err = System.err;
        try (TaxonomyTagger tagger = taxonomy == null ? TaxonomyTagger.loadDefault() : TaxonomyTagger.load(taxonomy);
             Writer out = output == null
                     ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))
                     : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            final int[] failed = new int[1];
            final int[] done = new int[1];
            StoryFiles.forEachLine(input, (n, json) -> {
                String line;
                try {
                    final StoryLine story = StoryLine.parse(input.toString(), n, json);
                    final PlainText text = PlainText.of(story.title(), story.text());
                    line = new TaggedStory(story.id(), tagger.tag(text.input()), text).toJsonLine();
                } catch (RuntimeException e) {
                    failed[0]++;
                    final String message = e.getMessage() == null ? e.toString() : e.getMessage();
                    err.println("tag: " + (message.startsWith(input.toString()) ? message
                            : input + ":" + n + ": " + message));
                    line = JSON.createObjectNode().put("line", n).put("error", message).toString();
                }
                try {
                    out.write(line);
                    out.write('\n');
                    done[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
            err.println("tag: " + done[0] + " lines written" + (output == null ? "" : " to " + output)
                    + (failed[0] > 0 ? ", " + failed[0] + " could not be tagged (see above)" : "")
                    + "; taxonomy " + tagger.taxonomyVersion());
            return failed[0] > 0 ? 2 : 0;
        } catch (UncheckedIOException e) {
            err.println("tag: cannot write " + (output == null ? "stdout" : output) + ": " + e.getCause().getMessage());
            return 1;
        } catch (IOException e) {
            err.println("tag: cannot read " + input + ": " + e.getMessage() + "; check the path given with --input");
            return 1;
        }
    }
}
