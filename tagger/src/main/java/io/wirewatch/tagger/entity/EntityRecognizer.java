package io.wirewatch.tagger.entity;

import io.wirewatch.tagger.text.AnalyzedStory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * Finds countries (names, demonyms, abbreviations, capitals), organizations that imply a country, and people
 * introduced with a title, over the tokens of the one analysis pass. Marks each mention as locative ("in Tokyo",
 * "visited India", a dateline), adversarial ("amid China's assertiveness") or background (inside a descriptive
 * relative clause), which decides whether it can be a party. Thread-safe.
 */
public final class EntityRecognizer {

    private static final int WINDOW = 3;
    private static final Set<String> LOCATIVE = Set.of("in", "at", "to", "near", "into", "across",
            "outside", "inside", "toward", "towards", "via", "off", "visited", "visit", "visits", "visiting",
            "arrived", "arrives", "reached", "within", "throughout", "around");
    /** "from X" is a place only for a capital ("flew from Tokyo"); for a country it names an origin: a supplier. */
    private static final String FROM = "from";
    /** Places named after these are where something happens, not who takes part: never parties. */
    private static final Set<String> OFF_SITE = Set.of("off", "near", "around", "across", "toward", "towards",
            "via", "outside");
    /** "deployment to X", "stationed in X": X is where troops go, not a party. */
    private static final Set<String> SITE_VERBS = Set.of("deployment", "deployments", "deployed", "deploy",
            "deploying", "stationed", "based", "mission", "missions", "peacekeeping", "operations", "operating",
            "war", "fighting", "use", "conflict", "crisis", "battlefield", "frontline", "insurgency");
    /** Words before a country's name that make it the name of a body of water: "the Sea of Oman". */
    private static final String[] WATER_BEFORE = {"Sea of ", "Gulf of ", "Bay of ", "Strait of ", "Straits of ",
        "Lake ", "Sea of the ", "Gulf of the "};
    private static final String[] NONE = {};
    /** Words after a country's name or adjective that make it the name of a body of water or a peninsula. */
    private static final String[] WATER_AFTER = {" Sea", " Gulf", " Bay", " Strait", " Straits", " Ocean",
        " Peninsula", " Basin", " Lake"};
    private static final String[] TITLES = {"president", "minister", "secretary", "chancellor", "king",
            "prince", "premier", "general", "gen", "admiral", "adm", "commander", "chief", "ambassador", "director",
            "spokesperson", "spokesman", "spokeswoman", "colonel", "col", "lieutenant", "lt", "major", "maj",
            "captain", "capt", "brigadier", "brig", "marshal", "mr", "mrs", "ms", "dr", "envoy", "attache",
            "senator", "governor", "ceo", "chairman", "chairperson", "head", "adviser", "advisor", "officer",
            "sheikh", "emir", "crown", "sultan", "commodore", "sergeant", "sgt", "deputy", "vice"};
    private static final String[] DESCRIPTORS = {"national", "defence", "defense", "security", "foreign",
            "affairs", "state", "prime", "deputy", "vice", "armed", "forces", "army", "navy", "air", "force",
            "staff", "ministry", "department", "home", "interior", "external", "military", "naval", "joint",
            "general", "fleet", "rear", "eastern", "western", "northern", "southern",
            "central", "command", "commanding", "flag", "principal", "senior", "executive", "managing",
            "operating", "officer", "chief", "international", "cooperation", "policy", "bureau", "public",
            "relations", "political", "research", "development", "organisation", "organization", "directorate",
            "acting", "former", "incoming", "outgoing", "new", "team", "office", "council", "agency",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    private static final String[] ADVERSARY_BEFORE = {"amid", "against", "face", "faces", "facing", "confront",
        "confronting", "counter", "countering", "deter", "deterring", "threat", "threats", "threatened", "rival",
        "rivals", "rivalry", "adversary", "adversaries", "enemy", "hostile", "versus", "vs", "fight", "fighting",
        "attacked", "attacks", "invaded", "invading", "encircle", "contain", "containing", "curb", "curbing",
        "intimidate", "warned", "warn", "warning", "sanctions", "sanctioned", "tension", "tensions", "dispute",
        "disputes", "standoff", "clash", "clashes", "conflict", "oppose", "opposes", "opposing", "separatist",
        "separatists", "secessionist"};
    /** Words after a country that start another phrase: a rival cue after them is not about the country. */
    private static final String[] CLAUSE_BREAKS = {"after", "before", "since", "following", "during", "while",
        "amid", "despite", "when"};
    /** "war with Armenia", "clashes with India", "conflict against ...": the country after is the opponent. */
    private static final Set<String> OPPONENT_LINKS = Set.of("with", "against", "on");
    private static final Set<String> FIGHTS = Set.of("war", "wars", "conflict", "conflicts", "clash", "clashes",
            "fighting", "battle", "battles", "hostilities", "skirmishes", "standoff");
    /** Nouns that make "attack" or "strike" a weapon's name: "attack drones to Russia" names no rival. */
    private static final String[] WEAPON_NOUNS = {"drone", "drones", "helicopter", "helicopters", "submarine",
        "submarines", "aircraft", "jets", "craft", "boats", "uavs", "missiles", "fighters", "vehicles"};
    /** "the offensive by Azerbaijan", "attacks by Russia": the country after "by" is a rival. */
    private static final Set<String> HOSTILE_ACTS = Set.of("offensive", "invasion", "attack", "attacks",
            "aggression", "incursion", "incursions", "strikes", "bombardment", "occupation", "annexation",
            "blockade", "bombing", "shelling");
    private static final String[] ADVERSARY_AFTER = {"aggression", "aggressive", "assertiveness", "assertive",
        "invasion", "invaded", "threat", "threats", "threatening", "expansionism", "expansion", "incursions",
        "incursion", "provocation", "provocations", "militarization", "militarisation", "attack", "attacks",
        "offensive", "hegemony", "coercion", "belligerence", "buildup", "encroachment",
        "intrusions", "war", "hostility", "hostilities", "claims", "activities", "activity", "launches", "launch",
        "tests", "nuclear", "ballistic", "criticised", "criticized", "condemned", "denounced", "protested"};

    /** Rival cues after a country only as nouns: "Pyongyang's launches", not "Ecuador launched joint patrols". */
    private static final String[] NOUN_ONLY_CUES = {"launch", "launches", "tests", "claims", "activities",
        "attack", "attacks"};

    private final Gazetteer gazetteer;
    private final Set<String> adversaryBefore;
    private final Set<String> adversaryAfter;
    private final Set<String> nounOnlyCues;
    private final Set<String> weaponNouns;
    private final Set<String> clauseBreaks;
    private final Set<String> titles;
    private final Set<String> titleWords;

    public EntityRecognizer(Gazetteer gazetteer, Analyzer analyzer) {
        this.gazetteer = gazetteer;
        this.adversaryBefore = Stems.of(analyzer, ADVERSARY_BEFORE);
        this.adversaryAfter = Stems.of(analyzer, ADVERSARY_AFTER);
        this.nounOnlyCues = Stems.of(analyzer, NOUN_ONLY_CUES);
        this.weaponNouns = Stems.of(analyzer, WEAPON_NOUNS);
        this.clauseBreaks = Stems.of(analyzer, CLAUSE_BREAKS);
        this.titles = Stems.of(analyzer, TITLES);
        final Set<String> words = new HashSet<>(titles);
        words.addAll(Stems.of(analyzer, DESCRIPTORS));
        this.titleWords = Set.copyOf(words);
    }

    public StoryEntities recognize(AnalyzedStory story) {
        final List<Mention> mentions = new ArrayList<>();
        final int[] sentenceOf = sentenceOfTokens(story);
        final boolean[] used = new boolean[story.tokenCount()];
        final Map<String, String> people = new LinkedHashMap<>();
        final Map<String, String> surnames = new HashMap<>();
        for (int s = 0; s < story.sentenceCount(); s++) {
            final int end = story.sentenceEndToken(s);
            for (int t = story.sentenceFirstToken(s); t < end; t++) {
                if (used[t] || !startsName(story, t)) {
                    continue;
                }
                final int matched = gazetteerMatch(story, t, end, s, mentions);
                if (matched > 0) {
                    for (int k = t; k < t + matched; k++) {
                        used[k] = true;
                    }
                    t += matched - 1;
                }
            }
        }
        findPeople(story, sentenceOf, used, mentions, people, surnames);
        mentions.sort((a, b) -> Integer.compare(a.firstToken(), b.firstToken()));
        inheritAlongLists(story, mentions);
        final int[][] bySentence = new int[story.sentenceCount()][];
        final int[] counts = new int[story.sentenceCount()];
        for (Mention m : mentions) {
            counts[m.sentence()]++;
        }
        for (int s = 0; s < counts.length; s++) {
            bySentence[s] = new int[counts[s]];
            counts[s] = 0;
        }
        for (int i = 0; i < mentions.size(); i++) {
            final int s = mentions.get(i).sentence();
            bySentence[s][counts[s]++] = i;
        }
        return new StoryEntities(mentions, bySentence, people);
    }

    private static int[] sentenceOfTokens(AnalyzedStory story) {
        final int[] of = new int[story.tokenCount()];
        for (int s = 0; s < story.sentenceCount(); s++) {
            for (int t = story.sentenceFirstToken(s); t < story.sentenceEndToken(s); t++) {
                of[t] = s;
            }
        }
        return of;
    }

    private static boolean startsName(AnalyzedStory story, int t) {
        return story.startsUpperCase(t) || story.startsWithDigit(t);
    }

    /** Longest gazetteer name starting at token t; adds its mention; returns how many tokens it covers (0: none). */
    private int gazetteerMatch(AnalyzedStory story, int t, int sentenceEnd, int sentence, List<Mention> out) {
        final int seg = story.tokenSegment(t);
        final String text = story.segmentText(seg);
        if (!gazetteer.mayStartName(text, story.tokenStart(t), story.tokenEnd(t))) {
            return 0;
        }
        final int longest = Math.max(1, gazetteer.longestStartingWith(story.tokenSurface(t)));
        for (int k = Math.min(longest, sentenceEnd - t); k >= 1; k--) {
            final int last = t + k - 1;
            final String span = text.substring(story.tokenStart(t), story.tokenEnd(last));
            final GazetteerEntry e = gazetteer.lookup(span);
            if (e == null) {
                continue;
            }
            final int after = story.tokenEnd(last);
            if (after < text.length() && text.charAt(after) == '$') {
                return k; // a currency ("US$ 375 million"), not a mention
            }
            if (isWaterBody(text, story.tokenStart(t), after) || isForeignAgencyName(story, t, e, out)) {
                return k; // "the Sea of Oman", "the Philippine Sea"; "the Australian Department of Defence"
            }
            if (e.kind() != EntityKind.NONE) {
                final boolean locative = isLocative(story, t, e.kind());
                out.add(new Mention(t, last, sentence, e.code(), e.kind(), stripPossessive(span), locative,
                        isOffSite(story, t), isAdversarial(story, t, last, sentence), story.isBackground(t)));
            }
            return k;
        }
        return 0;
    }

    /**
     * Whether the name at [start, end) is part of the name of a sea, gulf, bay, strait, lake or peninsula: "the Sea
     * of Oman", "the Bay of Bengal", "Lake Malawi", "the Philippine Sea", "the Arabian Peninsula". A body of water
     * named after a country is a place, not a mention of the country.
     */
    static boolean isWaterBody(String text, int start, int end) {
        final boolean spaceBefore = start > 0 && text.charAt(start - 1) == ' ';
        final boolean nameAfter = end + 1 < text.length() && text.charAt(end) == ' '
                && Character.isUpperCase(text.charAt(end + 1));
        if (!spaceBefore && !nameAfter) {
            return false;
        }
        for (String before : spaceBefore ? WATER_BEFORE : NONE) {
            if (start >= before.length() && text.startsWith(before, start - before.length())) {
                return true;
            }
        }
        for (String after : nameAfter ? WATER_AFTER : NONE) {
            final int e = end + after.length();
            if (text.startsWith(after, end) && (e == text.length() || !Character.isLetter(text.charAt(e)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a ministry named in the gazetteer by its generic name ("Department of Defense") follows another
     * country's name ("the Australian Department of Defence", "Britain's Ministry of Defence"): then it is that
     * country's ministry, already mentioned, not the gazetteer's.
     */
    private static boolean isForeignAgencyName(AnalyzedStory story, int t, GazetteerEntry e, List<Mention> out) {
        if (e.kind() != EntityKind.AGENCY || out.isEmpty()) {
            return false;
        }
        final Mention prev = out.get(out.size() - 1);
        if (prev.lastToken() != t - 1 || prev.code() == null || prev.code().equals(e.code())
                || story.tokenSegment(t - 1) != story.tokenSegment(t)) {
            return false;
        }
        final String between = story.segmentText(story.tokenSegment(t))
                .substring(story.tokenEnd(t - 1), story.tokenStart(t)).trim();
        return between.isEmpty() || between.equals("'s") || between.equals("\u2019s");
    }

    /**
     * A country listed right after a place, a site or a rival shares its role: "visited Japan and Vietnam" are
     * both places, "off Nigeria, Togo and Benin" all sites, "against Russia and Belarus" both rivals.
     */
    private static void inheritAlongLists(AnalyzedStory story, List<Mention> mentions) {
        for (int i = 1; i < mentions.size(); i++) {
            final Mention prev = mentions.get(i - 1);
            final Mention m = mentions.get(i);
            if (m.kind() == EntityKind.PERSON || prev.kind() == EntityKind.PERSON || m.sentence() != prev.sentence()
                    || !(prev.offSite() && !m.offSite() || prev.adversarial() && !m.adversarial()
                    || prev.locative() && !m.locative())
                    || !listSeparator(story, prev.lastToken(), m.firstToken())) {
                continue;
            }
            mentions.set(i, new Mention(m.firstToken(), m.lastToken(), m.sentence(), m.code(), m.kind(), m.name(),
                    m.locative() || prev.locative(), m.offSite() || prev.offSite(),
                    m.adversarial() || prev.adversarial(), m.background()));
        }
    }

    /** Whether only a list separator lies between two tokens: ", ", " and ", ", and ", " or ". */
    private static boolean listSeparator(AnalyzedStory story, int last, int next) {
        if (story.tokenSegment(last) != story.tokenSegment(next)) {
            return false;
        }
        final String between = story.segmentText(story.tokenSegment(last))
                .substring(story.tokenEnd(last), story.tokenStart(next)).trim().toLowerCase(Locale.ROOT);
        final String gap = between.startsWith("'s") ? between.substring(2).trim() : between;
        return gap.equals(",") || gap.equals("and") || gap.equals(", and") || gap.equals("or")
                || gap.equals("and the") || gap.equals(", the") || gap.equals(", and the");
    }

    private boolean isLocative(AnalyzedStory story, int t, EntityKind kind) {
        final String text = story.segmentText(story.tokenSegment(t));
        final int start = story.tokenStart(t);
        if (kind == EntityKind.CAPITAL && isDateline(story, t, text)) {
            return true;
        }
        int e = start;
        while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        int b = e;
        while (b > 0 && Character.isLetter(text.charAt(b - 1))) {
            b--;
        }
        final String word = text.substring(b, e).toLowerCase(Locale.ROOT);
        if (b < e && (LOCATIVE.contains(word) || kind == EntityKind.CAPITAL && FROM.equals(word))) {
            return true;
        }
        return kind == EntityKind.CAPITAL && word.equals("and") && joinedToCommonNoun(text, b);
    }

    /**
     * Whether "and" at {@code b} joins a capital to a common noun ("audiences and Washington"): then the capital
     * stands for a government addressed, not an actor as in "Tokyo and Manila".
     */
    private static boolean joinedToCommonNoun(String text, int b) {
        final int[] before = wordBefore(text, b);
        return before != null && Character.isLowerCase(text.charAt(before[0]));
    }

    /**
     * Whether the words before token t make the place a site, not a participant: "off Guam", "near Taiwan",
     * "deployment to Somalia", "stationed in Djibouti".
     */
    private static boolean isOffSite(AnalyzedStory story, int t) {
        final String text = story.segmentText(story.tokenSegment(t));
        final int[] word = wordBefore(text, story.tokenStart(t));
        if (word == null) {
            return false;
        }
        final String w = text.substring(word[0], word[1]).toLowerCase(Locale.ROOT);
        if (OFF_SITE.contains(w)) {
            return true;
        }
        if (w.equals("of") || w.equals("on")) {
            // "Russia's invasion of Ukraine", "the attack on Israel": the country the act is done to, a site
            final int[] act = wordBefore(text, word[0]);
            return act != null && HOSTILE_ACTS.contains(text.substring(act[0], act[1]).toLowerCase(Locale.ROOT));
        }
        if (!w.equals("to") && !w.equals("in")) {
            return false;
        }
        final int[] before = wordBefore(text, word[0]);
        return before != null && SITE_VERBS.contains(text.substring(before[0], before[1]).toLowerCase(Locale.ROOT));
    }

    /** Start and end of the word before position {@code at}, or null. */
    private static int[] wordBefore(String text, int at) {
        int e = at;
        while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        int b = e;
        while (b > 0 && Character.isLetter(text.charAt(b - 1))) {
            b--;
        }
        return b < e ? new int[] {b, e} : null;
    }

    /**
     * A place name in capitals opening a paragraph, as in "TOKYO, Dec 23 (AFP) -" or "NEW DELHI:", also the
     * second of several ("KYIV/BRUSSELS -").
     */
    private static boolean isDateline(AnalyzedStory story, int t, String text) {
        final int start = story.tokenStart(t);
        for (int i = 0; i < start; i++) {
            final char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '/' && !(Character.isLetter(c) && Character.isUpperCase(c))) {
                return false;
            }
        }
        final String surface = story.tokenSurface(t);
        return surface.equals(surface.toUpperCase(Locale.ROOT)) && surface.length() > 2;
    }

    private boolean isAdversarial(AnalyzedStory story, int first, int last, int sentence) {
        final String text = story.segmentText(story.tokenSegment(first));
        final int[] by = wordBefore(text, story.tokenStart(first));
        if (by != null && "by".equalsIgnoreCase(text.substring(by[0], by[1]))) {
            final int[] act = wordBefore(text, by[0]);
            if (act != null && HOSTILE_ACTS.contains(text.substring(act[0], act[1]).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        if (by != null && OPPONENT_LINKS.contains(text.substring(by[0], by[1]).toLowerCase(Locale.ROOT))) {
            final int[] fight = wordBefore(text, by[0]);
            if (fight != null && FIGHTS.contains(text.substring(fight[0], fight[1]).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        final int from = Math.max(story.sentenceFirstToken(sentence), first - WINDOW);
        for (int t = from; t < first; t++) {
            if (adversaryBefore.contains(story.tokenTerm(t))
                    && !(t + 1 < first && weaponNouns.contains(story.tokenTerm(t + 1)))) {
                return true;
            }
        }
        final int to = Math.min(story.sentenceEndToken(sentence), last + 1 + WINDOW);
        for (int t = last + 1; t < to; t++) {
            if (clauseBreaks.contains(story.tokenTerm(t))) {
                break; // "bought from India after an offensive by ...": the cue is about something else
            }
            if (adversaryAfter.contains(story.tokenTerm(t)) && !isVerbOfActor(story, t)
                    && !(t + 1 < story.sentenceEndToken(sentence) && weaponNouns.contains(story.tokenTerm(t + 1)))) {
                return true;
            }
            if (startsName(story, t)) {
                break;
            }
        }
        return false;
    }

    /**
     * Whether token t is a verb the country before it performs ("Ecuador launched joint operations", "India tested
     * its radar"), not the noun of a rival's act ("North Korea's launches", "China's activities").
     */
    private boolean isVerbOfActor(AnalyzedStory story, int t) {
        if (!nounOnlyCues.contains(story.tokenTerm(t))) {
            return false;
        }
        final String w = story.tokenSurface(t);
        return w.endsWith("ed") || w.endsWith("ing");
    }

    /**
     * People introduced with a title ("Indian Prime Minister Narendra Modi", "Gen. Bipin Rawat"): two or three
     * capitalized words after a title and its descriptors. Their country is the country named just before the
     * title, anywhere in the story; later mentions of the surname count as mentions of the person.
     */
    private void findPeople(AnalyzedStory story, int[] sentenceOf, boolean[] used, List<Mention> mentions,
                            Map<String, String> people, Map<String, String> surnames) {
        final Map<Integer, Mention> countryEndingAt = new HashMap<>();
        for (Mention m : mentions) {
            countryEndingAt.put(m.lastToken(), m);
        }
        final List<int[]> found = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        for (int s = 0; s < story.sentenceCount(); s++) {
            final int end = story.sentenceEndToken(s);
            for (int t = story.sentenceFirstToken(s); t < end; t++) {
                if (!startsName(story, t) || !titles.contains(story.tokenTerm(t))) {
                    continue;
                }
                int titleStart = t;
                while (titleStart - 1 >= story.sentenceFirstToken(s) && startsName(story, titleStart - 1)
                        && !used[titleStart - 1] && isTitleWord(story, titleStart - 1) && adjacent(story,
                        titleStart - 1, titleStart)) {
                    titleStart--;
                }
                int n = t + 1;
                while (n < end && startsName(story, n) && !used[n] && isTitleWord(story, n)) {
                    n++;
                }
                int nameEnd = n;
                while (nameEnd < end && nameEnd - n < 3 && startsName(story, nameEnd) && !used[nameEnd]
                        && !isTitleWord(story, nameEnd) && adjacent(story, nameEnd - 1, nameEnd)
                        && Character.isLetter(story.tokenFirstChar(nameEnd))) {
                    nameEnd++;
                }
                if (nameEnd - n < 2) {
                    continue;
                }
                final String seg = story.segmentText(story.tokenSegment(n));
                final String name = stripPossessive(seg.substring(story.tokenStart(n), story.tokenEnd(nameEnd - 1)));
                final Mention country = countryBefore(story, countryEndingAt, titleStart, s);
                final String code = country == null ? null : country.code();
                if (code != null || !people.containsKey(name)) {
                    people.put(name, code);
                }
                surnames.putIfAbsent(stripPossessive(story.tokenSurface(nameEnd - 1)), name);
                for (int k = n; k < nameEnd; k++) {
                    used[k] = true;
                }
                found.add(new int[] {n, nameEnd - 1, s});
                names.add(name);
                t = nameEnd - 1;
            }
        }
        for (int i = 0; i < found.size(); i++) {
            final int[] f = found.get(i);
            addPerson(story, mentions, f[0], f[1], f[2], names.get(i), people.get(names.get(i)));
        }
        for (int t = 0; t < story.tokenCount() && !surnames.isEmpty(); t++) {
            if (used[t] || !startsName(story, t)) {
                continue;
            }
            final String name = surnames.get(stripPossessive(story.tokenSurface(t)));
            if (name != null) {
                addPerson(story, mentions, t, t, sentenceOf[t], name, people.get(name));
            }
        }
    }

    private void addPerson(AnalyzedStory story, List<Mention> mentions, int first, int last, int sentence,
                           String name, String code) {
        mentions.add(new Mention(first, last, sentence, code, EntityKind.PERSON, name, false, false,
                false, story.isBackground(first)));
    }

    /** The country mention ending just before a title (at most two capitalized words between), or null. */
    private static Mention countryBefore(AnalyzedStory story, Map<Integer, Mention> countryEndingAt, int titleStart,
                                         int sentence) {
        for (int k = 1; k <= 3 && titleStart - k >= story.sentenceFirstToken(sentence); k++) {
            final Mention m = countryEndingAt.get(titleStart - k);
            if (m != null) {
                return m.kind() == EntityKind.CAPITAL || m.locative() ? null : m;
            }
            if (!startsName(story, titleStart - k)) {
                return null;
            }
        }
        return null;
    }

    private boolean isTitleWord(AnalyzedStory story, int t) {
        return titleWords.contains(story.tokenTerm(t));
    }

    /** Whether only spaces or hyphens separate two tokens of the same segment. */
    private static boolean adjacent(AnalyzedStory story, int a, int b) {
        if (story.tokenSegment(a) != story.tokenSegment(b)) {
            return false;
        }
        final String text = story.segmentText(story.tokenSegment(a));
        for (int i = story.tokenEnd(a); i < story.tokenStart(b); i++) {
            final char c = text.charAt(i);
            if (c != ' ' && c != '-' && c != '.' && c != '\u00A0') {
                return false;
            }
        }
        return true;
    }

    static String stripPossessive(String s) {
        if (s.endsWith("'s") || s.endsWith("\u2019s") || s.endsWith("'S") || s.endsWith("\u2019S")) {
            return s.substring(0, s.length() - 2);
        }
        if (s.endsWith("'") || s.endsWith("\u2019")) {
            return s.substring(0, s.length() - 1);
        }
        return s;
    }
}
