package io.wirewatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileGlobsTest {

    @TempDir
    Path dir;

    @Test
    void aDirectoryYieldsItsStoriesButNotHiddenFilesOrDocumentation() throws IOException {
        Files.createDirectories(dir.resolve("feeds"));
        Path story = Files.writeString(dir.resolve("b-story.txt"), "x");
        Path feed = Files.writeString(dir.resolve("feeds/a.rss"), "x");
        Files.writeString(dir.resolve("README.md"), "# about these stories");
        Files.writeString(dir.resolve("notes.markdown"), "notes");
        Files.writeString(dir.resolve(".hidden.json"), "{}");

        assertThat(FileGlobs.resolve(List.of(dir.toString())))
                .containsExactly(story.toAbsolutePath(), feed.toAbsolutePath());
    }

    @Test
    void aFileNamedExplicitlyIsTakenEvenWhenItLooksLikeDocumentation() throws IOException {
        Path readme = Files.writeString(dir.resolve("README.txt"), "Headline: a story after all");

        assertThat(FileGlobs.resolve(List.of(readme.toString()))).containsExactly(readme.toAbsolutePath());
    }

    @Test
    void globsMatchBelowTheirDirectoryPrefix() throws IOException {
        Files.createDirectories(dir.resolve("2019"));
        Path jsonl = Files.writeString(dir.resolve("2019/dump-01.jsonl"), "{}");
        Files.writeString(dir.resolve("2019/dump-01.xml"), "<x/>");

        assertThat(FileGlobs.resolve(List.of(dir + "/**/*.jsonl"))).containsExactly(jsonl.toAbsolutePath());
    }

    @Test
    void argumentsMatchingNothingAreNamed() {
        assertThatThrownBy(() -> FileGlobs.resolve(List.of(dir + "/nothing-*.json")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing-*.json");
    }
}
