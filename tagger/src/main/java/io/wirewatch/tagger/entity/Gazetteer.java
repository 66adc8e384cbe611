package io.wirewatch.tagger.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Names of countries (JDK English short names for every ISO 3166-1 code, plus the shipped list of other names,
 * demonyms and capitals) and of organizations that imply a country. Looks a span of text up by its normalized key:
 * lower case, every run of characters that are not letters or digits as one space, a trailing possessive removed.
 * Names written in capitals (acronyms) match only in capitals.
 */
public final class Gazetteer {

    private static final String COUNTRIES = "/io/wirewatch/tagger/countries.txt";
    /** Later lists override earlier ones: JDK names, then countries.txt, then organizations.txt. */
    private static final String ORGANIZATIONS = "/io/wirewatch/tagger/organizations.txt";

    /** Kinds in organizations.txt for organizations whose business is defence or security. */
    private static final String ARMS_COMPANY = "arms-company";
    private static final String DEFENCE_AGENCY = "defence-agency";

    /** British spellings and the American ones their keys use, replaced in this order. */
    private static final String[][] SPELLINGS = {{"defence", "defense"}, {"organisation", "organization"},
        {"programme", "program"}, {"centre", "center"}};

    /** Name prefixes (see {@link #prefixCode}): three letters or padding, in base 28. */
    private static final int PREFIX = 3;
    private static final int PREFIX_PAD = 27;
    private static final int PREFIX_BASE = 28;
    private static final int PREFIX_CODES = PREFIX_BASE * PREFIX_BASE * PREFIX_BASE;

    private final Map<String, GazetteerEntry> folded = new HashMap<>();
    private final Map<String, GazetteerEntry> exact = new HashMap<>();
    private final Map<String, Integer> longestByFirstWord = new HashMap<>();
    private final Set<String> exactFirstWords = new HashSet<>();
    /** The prefix codes of every name's first word, as written (acronyms) and folded: a test before any lookup. */
    private final BitSet namePrefixes = new BitSet(PREFIX_CODES);
    private final Map<String, String> countryNames = new TreeMap<>();

    private Gazetteer() {
    }

    /** The gazetteer shipped in the jar. */
    public static Gazetteer loadDefault() {
        final Gazetteer g = new Gazetteer();
        for (String code : Locale.getISOCountries()) {
            final String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
            g.countryNames.put(code, name);
            g.add(name, code, EntityKind.NAME, false);
            final int paren = name.indexOf(" (");
            if (paren > 0) {
                g.add(name.substring(0, paren), code, EntityKind.NAME, false);
            }
        }
        read(COUNTRIES, (line, fields) -> {
            if (fields.length < 2) {
                throw new IllegalStateException(COUNTRIES + ": line '" + line + "' needs CODE | names | demonyms | "
                        + "capitals");
            }
            final String code = fields[0].trim();
            addAll(g, fields, 1, code, EntityKind.NAME);
            addAll(g, fields, 2, code, EntityKind.DEMONYM);
            addAll(g, fields, 3, code, EntityKind.CAPITAL);
        });
        read(ORGANIZATIONS, (line, fields) -> {
            if (fields.length < 3) {
                throw new IllegalStateException(ORGANIZATIONS + ": line '" + line + "' needs name | CODE | kind");
            }
            final String code = fields[1].trim();
            final String kind = fields[2].trim();
            final EntityKind k = "-".equals(code) ? EntityKind.NONE
                    : "company".equals(kind) || ARMS_COMPANY.equals(kind) ? EntityKind.COMPANY
                    : "place".equals(kind) ? EntityKind.NAME : EntityKind.AGENCY;
            g.add(fields[0].trim(), "-".equals(code) ? null : code, k,
                    ARMS_COMPANY.equals(kind) || DEFENCE_AGENCY.equals(kind));
        });
        return g;
    }

    private static void addAll(Gazetteer g, String[] fields, int index, String code, EntityKind kind) {
        if (fields.length <= index) {
            return;
        }
        for (String name : fields[index].split(";")) {
            if (!name.isBlank()) {
                g.add(name.trim(), code, kind, false);
            }
        }
    }

    private interface LineHandler {
        void handle(String line, String[] fields);
    }

    private static void read(String resource, LineHandler handler) {
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("gazetteer resource " + resource + " is missing from the jar");
            }
            final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                handler.handle(line, line.split("\\|", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gazetteer resource " + resource, e);
        }
    }

    private void add(String name, String code, EntityKind kind, boolean defense) {
        final String key = key(name, true);
        if (key.isEmpty()) {
            return;
        }
        final GazetteerEntry entry = new GazetteerEntry(name, code, kind, defense);
        if (isAcronym(name)) {
            exact.put(key(name, false), entry);
            final String exactFirst = key(name, false).split(" ")[0];
            exactFirstWords.add(exactFirst);
            addPrefix(prefixCode(exactFirst, 0, exactFirst.length()));
        } else {
            folded.put(key, entry);
        }
        final String[] words = key.split(" ");
        longestByFirstWord.merge(words[0], words.length, Math::max);
        addPrefix(prefixCode(words[0], 0, words[0].length()));
    }

    private void addPrefix(int code) {
        if (code >= 0) {
            namePrefixes.set(code);
        }
    }

    /** Entry for a span of text, or null. */
    public GazetteerEntry lookup(String span) {
        final GazetteerEntry e = exact.get(key(span, false));
        if (e != null) {
            return e;
        }
        if (!Character.isUpperCase(span.charAt(0))) {
            return null;
        }
        return folded.get(key(span, true));
    }

    /** Whether a span names an organization whose business is defence or security (Rafael, DAPA, Naval Group). */
    public boolean isDefenseOrganization(String span) {
        final GazetteerEntry e = span.isEmpty() ? null : lookup(span);
        return e != null && e.defense();
    }

    /**
     * Whether some name may start with this token (as written, possessive included): a cheap test that rejects
     * most capitalized words before any span is built.
     */
    public boolean mayStartName(String token) {
        return mayStartName(token, 0, token.length());
    }

    /**
     * {@link #mayStartName(String)} for the token at [start, end) of {@code text}. Its first word (the first run
     * of letters and digits, as written: the first word of its key, since a key joins the runs with spaces and a
     * trailing possessive it drops is never the first run) is looked up only when its first three letters begin
     * some name's first word.
     */
    public boolean mayStartName(String text, int start, int end) {
        int from = start;
        while (from < end && !Character.isLetterOrDigit(text.charAt(from))) {
            from++;
        }
        int to = from;
        while (to < end && Character.isLetterOrDigit(text.charAt(to))) {
            to++;
        }
        final int prefix = prefixCode(text, from, to);
        if (prefix >= 0 && !namePrefixes.get(prefix)) {
            return false;
        }
        final String first = text.substring(from, to);
        return exactFirstWords.contains(first) || longestByFirstWord.containsKey(foldWord(first));
    }

    /**
     * The first {@value #PREFIX} characters of the word at [from, to), lower-cased, as a number below
     * {@link #PREFIX_CODES} (a shorter word is padded); -1 when one of them is not a letter a-z. Keys keep these
     * characters of the word as written, lower-cased: no spelling replaced by {@code spellings} starts to differ
     * before its fifth character.
     */
    private static int prefixCode(String word, int from, int to) {
        int code = 0;
        for (int i = from; i < from + PREFIX; i++) {
            int digit = PREFIX_PAD;
            if (i < to) {
                final char c = Character.toLowerCase(word.charAt(i));
                if (c < 'a' || c > 'z') {
                    return -1;
                }
                digit = c - 'a' + 1;
            }
            code = code * PREFIX_BASE + digit;
        }
        return code;
    }

    /** The folded key of one word of letters and digits: {@code key(word, true)} without a builder for most words. */
    private static String foldWord(String word) {
        final char[] lower = new char[word.length()];
        for (int i = 0; i < lower.length; i++) {
            lower[i] = Character.toLowerCase(word.charAt(i));
        }
        final String folded = new String(lower);
        for (String[] spelling : SPELLINGS) {
            if (folded.contains(spelling[0])) {
                return key(word, true);
            }
        }
        return folded;
    }

    /** How many words the longest name starting with this word has (0 when no name starts with it). */
    public int longestStartingWith(String word) {
        final Integer n = longestByFirstWord.get(key(word, true));
        return n == null ? 0 : n;
    }

    /** English short name of a country. */
    public String countryName(String code) {
        final String name = countryNames.get(code);
        return name == null ? code : name;
    }

    /** Every ISO code known. */
    public Set<String> codes() {
        return countryNames.keySet();
    }

    /** All names that map to a country, for tests and documentation. */
    public List<GazetteerEntry> entries() {
        final List<GazetteerEntry> all = new ArrayList<>(folded.values());
        all.addAll(exact.values());
        return all;
    }

    private static boolean isAcronym(String name) {
        int upper = 0;
        for (int i = 0; i < name.length(); i++) {
            final char c = name.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            if (Character.isUpperCase(c)) {
                upper++;
            }
        }
        return upper >= 2;
    }

    /** Normalized key: runs of non-alphanumerics as one space, trailing possessive removed, optionally folded. */
    static String key(String span, boolean fold) {
        final StringBuilder b = new StringBuilder(span.length());
        boolean space = false;
        for (int i = 0; i < span.length(); i++) {
            final char c = span.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && b.length() > 0) {
                    b.append(' ');
                }
                space = false;
                b.append(fold ? Character.toLowerCase(c) : c);
            } else {
                space = true;
            }
        }
        if (fold) {
            spellings(b);
        }
        final int n = b.length();
        if (n > 2 && b.charAt(n - 2) == ' ' && (b.charAt(n - 1) == 's' || b.charAt(n - 1) == 'S')
                && endsWithApostropheS(span)) {
            b.setLength(n - 2);
        }
        return b.toString();
    }

    /** British and American spellings share one key: "defence" as "defense", "organisation" as "organization". */
    private static void spellings(StringBuilder b) {
        for (String[] spelling : SPELLINGS) {
            replaceAll(b, spelling[0], spelling[1]);
        }
    }

    private static void replaceAll(StringBuilder b, String from, String to) {
        int i = b.indexOf(from);
        while (i >= 0) {
            b.replace(i, i + from.length(), to);
            i = b.indexOf(from, i + to.length());
        }
    }

    private static boolean endsWithApostropheS(String span) {
        final int n = span.length();
        return n >= 2 && (span.charAt(n - 1) == 's' || span.charAt(n - 1) == 'S')
                && (span.charAt(n - 2) == '\'' || span.charAt(n - 2) == '\u2019');
    }
}
