package io.wirewatch.tagger.taxonomy;

import java.util.List;

/**
 * One topic of a taxonomy.
 *
 * @param id topic id, e.g. {@code rnd}
 * @param label human-readable label
 * @param description what the topic covers (and what it does not)
 * @param iptcCode IPTC Media Topic code that fits best (e.g. {@code medtop:20000065}), or null
 * @param iptcLabel label of that IPTC Media Topic, or null
 * @param rules the rules, any of which tags the topic
 */
public record TopicDefinition(String id, String label, String description, String iptcCode, String iptcLabel,
                              List<RuleDefinition> rules) {
}
