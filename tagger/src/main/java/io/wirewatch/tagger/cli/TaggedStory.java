package io.wirewatch.tagger.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.avro.Cooperation;
import io.wirewatch.avro.CountryMention;
import io.wirewatch.avro.Evidence;
import io.wirewatch.avro.TopicTag;
import io.wirewatch.tagger.Enrichment;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The offline view of one tagged story, and its JSON line: {@code {"id", "defense_cooperation", "topics",
 * "countries", "mentioned", "cooperations": [{"parties", "topics"}], "evidence": [{"topic", "text", "start",
 * "end", "rule"}]}}; offsets point into the input's {@code text} (-1 for the title).
 */
public record TaggedStory(String id, Enrichment enrichment, PlainText text) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public SortedSet<String> topics() {
        final SortedSet<String> out = new TreeSet<>();
        enrichment.cooperations().forEach(c -> out.addAll(c.getTopics()));
        return out;
    }

    /** The cooperating parties. */
    public SortedSet<String> countries() {
        final SortedSet<String> out = new TreeSet<>();
        enrichment.cooperations().forEach(c -> out.addAll(c.getParties()));
        return out;
    }

    public List<String> mentioned() {
        return enrichment.countries().stream().map(CountryMention::getCode).toList();
    }

    public boolean defenseCooperation() {
        return enrichment.defenseCooperation().getFlag();
    }

    public String toJsonLine() {
        final ObjectNode root = JSON.createObjectNode();
        root.put("id", id);
        root.put("defense_cooperation", defenseCooperation());
        strings(root.putArray("topics"), topics());
        strings(root.putArray("countries"), countries());
        strings(root.putArray("mentioned"), mentioned());
        final ArrayNode coops = root.putArray("cooperations");
        for (Cooperation c : enrichment.cooperations()) {
            final ObjectNode o = coops.addObject();
            strings(o.putArray("parties"), c.getParties());
            strings(o.putArray("topics"), c.getTopics());
        }
        final ArrayNode evidence = root.putArray("evidence");
        for (TopicTag t : enrichment.topics()) {
            for (Evidence e : t.getEvidence()) {
                final ObjectNode o = evidence.addObject();
                o.put("topic", t.getId());
                o.put("text", e.getText());
                o.put("start", text.textOffset(e.getParagraph(), e.getStart()));
                o.put("end", text.textOffset(e.getParagraph(), e.getEnd()));
                o.put("rule", e.getRule());
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON line for story " + id, e);
        }
    }

    private static void strings(ArrayNode array, Iterable<String> values) {
        values.forEach(array::add);
    }
}
