package io.wirewatch.enrich;

import io.wirewatch.avro.CountryMention;
import io.wirewatch.avro.Cooperation;
import io.wirewatch.avro.DefenseCooperation;
import io.wirewatch.avro.Evidence;
import io.wirewatch.avro.TopicTag;
import io.wirewatch.tagger.Enrichment;
import io.wirewatch.tagger.TagInput;
import io.wirewatch.tagger.Tagger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic tagger for topology mechanics (dedup, branches, trends, failures): it reads what to find from the
 * story's first paragraph when that starts with {@code #script}, e.g.
 * {@code #script IL+IN=rnd,training; IL+JP=security} or {@code #script fail=tagger broke}. Other stories get no
 * topics. The taxonomy version can be switched to simulate a new taxonomy.
 */
public final class ScriptedTagger implements Tagger {

    public static final String PREFIX = "#script ";

    private volatile String version = "scripted/1";
    private final AtomicInteger calls = new AtomicInteger();

    public void setVersion(String version) {
        this.version = version;
    }

    public int calls() {
        return calls.get();
    }

    /** A first paragraph scripting the given cooperations, e.g. {@code script("IL+IN=rnd,training")}. */
    public static String script(String... cooperations) {
        return PREFIX + String.join("; ", cooperations);
    }

    @Override
    public Enrichment tag(TagInput input) {
        calls.incrementAndGet();
        String first = input.paragraphs().isEmpty() ? "" : input.paragraphs().get(0).getText();
        if (!first.startsWith(PREFIX)) {
            return new Enrichment(version, new DefenseCooperation(false, 0.0), List.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of());
        }
        Map<String, List<Evidence>> topics = new LinkedHashMap<>();
        Set<String> countries = new LinkedHashSet<>();
        List<Cooperation> cooperations = new ArrayList<>();
        Evidence evidence = new Evidence(0, 0, first.length(), first, "scripted/rule");
        for (String part : first.substring(PREFIX.length()).split(";")) {
            String[] kv = part.trim().split("=", 2);
            if (kv[0].equals("fail")) {
                throw new IllegalStateException(kv[1]);
            }
            List<String> parties = List.of(kv[0].split("\\+"));
            List<String> ids = List.of(kv[1].split(","));
            countries.addAll(parties);
            ids.forEach(id -> topics.computeIfAbsent(id, t -> new ArrayList<>()).add(evidence));
            cooperations.add(new Cooperation(parties.stream().sorted().toList(), ids.stream().sorted().toList(),
                    List.of(evidence)));
        }
        List<TopicTag> tags = new ArrayList<>();
        topics.forEach((id, ev) -> tags.add(new TopicTag(id, id, 0.9, ev)));
        List<CountryMention> mentions = countries.stream().map(c -> new CountryMention(c, c, 1)).toList();
        return new Enrichment(version, new DefenseCooperation(true, 0.9), tags, mentions, List.of(), List.of(),
                cooperations, List.of());
    }

    @Override
    public String taxonomyVersion() {
        return version;
    }
}
