package io.wirewatch.bench.e2e;

import io.wirewatch.bench.StoryGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Generated stories for one run, every text distinct (ingest derives the id of a wire-text story from its source,
 * headline and body, and enrich drops exact duplicates: a repeated text would never reach the sink twice).
 */
final class StorySet {

    private final StoryGenerator generator;
    private final Set<String> seen = new HashSet<>();

    StorySet(long seed, double cooperationShare) {
        this.generator = new StoryGenerator(seed, cooperationShare);
    }

    /** The next {@code count} stories whose text was not generated before, published today (a live feed). */
    List<StoryGenerator.Story> next(int count) {
        List<StoryGenerator.Story> stories = new ArrayList<>(count);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        while (stories.size() < count) {
            StoryGenerator.Story story = generator.next().publishedOn(today);
            String text = story.wireText();
            if (seen.add(text.substring(text.indexOf('\n')))) {
                stories.add(story);
            }
        }
        return stories;
    }

    /** UTF-8 bytes of headline and body over all the stories. */
    static long bytes(List<StoryGenerator.Story> stories) {
        return stories.stream().mapToLong(StoryGenerator.Story::bytes).sum();
    }

    /** Writes each story as a plain wire-text file {@code <prefix>-NNNNNN.txt} into {@code dir}. */
    static List<Path> writeFiles(List<StoryGenerator.Story> stories, Path dir, String prefix) {
        List<Path> files = new ArrayList<>(stories.size());
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < stories.size(); i++) {
                Path file = dir.resolve(String.format(Locale.ROOT, "%s-%06d.txt", prefix, i + 1));
                Files.writeString(file, stories.get(i).wireText(), StandardCharsets.UTF_8);
                files.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the generated stories under " + dir + ": " + e.getMessage(), e);
        }
        return files;
    }

    /** Moves the files into the spool directory (an atomic rename each, as a well-behaved feed drops files). */
    static void moveInto(List<Path> files, Path spool) {
        try {
            for (Path file : files) {
                Files.move(file, spool.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the generated stories into the spool " + spool + ": "
                    + e.getMessage(), e);
        }
    }
}
