package io.wirewatch.tagger;

import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.ParagraphRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test helpers: stories from paragraphs, and the shared third-party texts read from ../shared. */
public final class Stories {

    private Stories() {
    }

    /** A story of body paragraphs (the first one the lead), no headline. */
    public static TagInput of(String... paragraphs) {
        final List<Paragraph> list = new ArrayList<>();
        for (String p : paragraphs) {
            list.add(new Paragraph(list.isEmpty() ? ParagraphRole.LEAD : ParagraphRole.BODY, p));
        }
        return new TagInput(null, list);
    }

    /**
     * The {@code shared} folder beside the repository (searched upward from the working directory), if present.
     * Its texts are third-party: tests read them, the project never copies them.
     */
    public static Optional<Path> shared() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            final Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("eval")) || Files.isDirectory(candidate.resolve("samples"))) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /**
     * Minimal reader of the plain-text wire format (the real parser lives in ingest): paragraphs split on blank
     * lines, the leading " date YYYY-MM-DD" marker dropped, captions (ending in "(credit: ...)") and short
     * subheads without a final period marked.
     */
    public static TagInput readPlainText(Path file) {
        final String raw;
        try {
            raw = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        final List<Paragraph> paragraphs = new ArrayList<>();
        for (String block : raw.split("\\n\\s*\\n")) {
            String text = block.strip().replaceAll("\\s*\\n\\s*", " ");
            if (text.matches("(?s)date \\d{4}-\\d{2}-\\d{2}.*")) {
                text = text.substring("date YYYY-MM-DD".length()).strip();
            }
            if (text.isEmpty()) {
                continue;
            }
            final ParagraphRole role;
            if (text.matches("(?s).*\\(credit:[^)]*\\)$")) {
                role = ParagraphRole.CAPTION;
            } else if (text.split("\\s+").length <= 6 && !text.matches("(?s).*[.!?\"\u201D]$")) {
                role = ParagraphRole.SUBHEAD;
            } else {
                role = paragraphs.isEmpty() ? ParagraphRole.LEAD : ParagraphRole.BODY;
            }
            paragraphs.add(new Paragraph(role, text));
        }
        return new TagInput(null, paragraphs);
    }
}
