package io.wirewatch.tagger.taxonomy;

import java.util.List;
import java.util.Map;

/**
 * A taxonomy as data: named contexts (reusable queries), topics with rules, rules that establish a cooperation
 * without a topic, and user watch queries. See tagger/README.md for the file format.
 *
 * @param name taxonomy name, e.g. {@code defense-cooperation}
 * @param version taxonomy version, e.g. {@code 1.0.0}
 * @param description what the taxonomy is for
 * @param contexts named queries, by name, that rules require (the name {@code pair} is reserved for references to
 *                 both parties, {@code "the two countries"})
 * @param topics the topics
 * @param cooperation rules that establish defense cooperation without a topic of their own
 * @param watches user watch queries: id and query, reported with their evidence but not tagging a topic
 * @param source where the taxonomy was read from, for messages
 */
public record Taxonomy(String name, String version, String description, Map<String, String> contexts,
                       List<TopicDefinition> topics, List<RuleDefinition> cooperation, Map<String, String> watches,
                       String source) {

    /** Name and version, e.g. {@code defense-cooperation/1.0.0}: travels in every event. */
    public String fullVersion() {
        return name + "/" + version;
    }
}
