package io.wirewatch.enrich;

import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.ParagraphRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the third-party texts in /work/shared (never copied into the project): {@code ../shared} of the repo. */
public final class SharedTexts {

    private static final Pattern DATE_MARKER = Pattern.compile("^\\s*date (\\d{4}-\\d{2}-\\d{2})\\s*");

    private SharedTexts() {
    }

    /** {@code <repo>/../shared/<relative>}, searched upward from the working directory, if it exists. */
    public static Optional<Path> find(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A plain-text wire story: the optional leading date marker, then paragraphs separated by blank lines. */
    public record WireText(String date, List<Paragraph> paragraphs) {
    }

    public static WireText readWireText(Path file) throws IOException {
        String text = Files.readString(file);
        String date = null;
        Matcher marker = DATE_MARKER.matcher(text);
        if (marker.find()) {
            date = marker.group(1);
            text = text.substring(marker.end());
        }
        List<Paragraph> paragraphs = new ArrayList<>();
        for (String block : text.split("\\n\\s*\\n")) {
            String paragraph = block.strip().replaceAll("\\s+", " ");
            if (!paragraph.isEmpty()) {
                paragraphs.add(new Paragraph(paragraph.endsWith(")") && paragraph.contains("(credit:")
                        ? ParagraphRole.CAPTION : ParagraphRole.BODY, paragraph));
            }
        }
        return new WireText(date, paragraphs);
    }
}
