package io.wirewatch.tagger.cli;

import io.wirewatch.tagger.TaxonomyTagger;
import io.wirewatch.tagger.taxonomy.TopicDefinition;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wirewatch eval --gold labeled.jsonl [--taxonomy FILE]}: tags each labeled story and prints precision,
 * recall and F1 per topic, micro and macro F1, defense_cooperation accuracy, party-country precision and recall,
 * and each miss or false alarm with its evidence. Exits 0 whatever the scores (1 only when the files cannot be
 * read).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Scores the tagger against hand-labeled stories (JSON lines with id, text, title?, "
                + "defense_cooperation, topics, countries). No Kafka needed.")
public final class EvalCommand implements Callable<Integer> {

    @Option(names = "--gold", required = true, paramLabel = "FILE",
            description = "Labeled stories, one JSON object a line.")
    Path gold;

    @Option(names = "--taxonomy", paramLabel = "FILE",
            description = "Taxonomy YAML to use instead of the shipped one.")
    Path taxonomy;

    /** Runs the command on its own (until the root {@code wirewatch} command adds it). */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new EvalCommand()).execute(args));
    }

    @Override
    public Integer call() {
        final PrintStream out = System.out;
        final PrintStream err = System.err;
        try (TaxonomyTagger tagger = taxonomy == null ? TaxonomyTagger.loadDefault() : TaxonomyTagger.load(taxonomy)) {
            final EvalReport report = run(tagger, gold, err);
            out.println("taxonomy " + tagger.taxonomyVersion() + ", gold " + gold);
            report.print(out);
            return 0;
        } catch (IOException e) {
            err.println("eval: cannot read " + gold + ": " + e.getMessage() + "; check the path given with --gold");
            return 1;
        }
    }

    /** Tags and scores every labeled line of {@code gold}; unlabeled or bad lines are reported on {@code err}. */
    public static EvalReport run(TaxonomyTagger tagger, Path gold, PrintStream err) throws IOException {
        final EvalReport report = new EvalReport(tagger.taxonomy().topics().stream().map(TopicDefinition::id)
                .toList());
        StoryFiles.forEachLine(gold, (n, json) -> {
            try {
                final StoryLine line = StoryLine.parse(gold.toString(), n, json);
                if (!line.labeled()) {
                    err.println(gold + ":" + n + ": story " + line.id() + " has no gold defense_cooperation, "
                            + "topics and countries; skipped from the scores");
                    return;
                }
                final PlainText text = PlainText.of(line.title(), line.text());
                report.add(line, new TaggedStory(line.id(), tagger.tag(text.input()), text));
            } catch (RuntimeException e) {
                err.println(e.getMessage());
            }
        });
        return report;
    }
}
