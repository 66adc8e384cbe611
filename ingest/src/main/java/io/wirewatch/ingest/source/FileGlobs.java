package io.wirewatch.ingest.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Resolves command-line arguments to files: a file is itself, a directory is every regular file below it (hidden
 * files and documentation, i.e. {@code README*} and Markdown files, skipped), anything else is a glob ({@code dumps/2019-*.jsonl}, {@code archive/**}{@code /*.xml}) matched
 * from its longest directory prefix without wildcards. Sorted, without duplicates.
 */
public final class FileGlobs {

    private FileGlobs() {
    }

    /**
     * @throws IllegalArgumentException naming every argument that matched no file
     */
    public static List<Path> resolve(List<String> arguments) {
        Set<Path> files = new LinkedHashSet<>();
        List<String> unmatched = new ArrayList<>();
        for (String argument : arguments) {
            List<Path> found = resolve(argument);
            if (found.isEmpty()) {
                unmatched.add(argument);
            }
            files.addAll(found);
        }
        if (!unmatched.isEmpty()) {
            throw new IllegalArgumentException("No file matches " + unmatched + "; give files, directories or globs "
                    + "(quote globs so the shell does not expand them)");
        }
        return List.copyOf(files);
    }

    private static List<Path> resolve(String argument) {
        Path path = Path.of(argument);
        if (Files.isRegularFile(path)) {
            return List.of(path.toAbsolutePath().normalize());
        }
        if (Files.isDirectory(path)) {
            return walk(path, p -> !isDocumentation(p));
        }
        int wildcard = firstWildcard(argument);
        if (wildcard < 0) {
            return List.of();
        }
        int slash = argument.lastIndexOf('/', wildcard);
        Path base = slash < 0 ? Path.of(".") : Path.of(argument.substring(0, slash + 1));
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        String pattern = slash < 0 ? argument : argument.substring(slash + 1);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        Path root = base;
        return walk(base, p -> matcher.matches(root.relativize(p)));
    }

    private static List<Path> walk(Path dir, Predicate<Path> accept) {
        try (Stream<Path> stream = Files.walk(dir)) {
            return stream.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(accept)
                    .map(p -> p.toAbsolutePath().normalize())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A README or Markdown file lying next to stories in a directory: documentation, not a story. */
    static boolean isDocumentation(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.startsWith("readme") || name.endsWith(".md") || name.endsWith(".markdown");
    }

    private static int firstWildcard(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return i;
            }
        }
        return -1;
    }
}
