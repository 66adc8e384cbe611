package io.wirewatch.tagger.taxonomy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads a taxonomy YAML file into a {@link Taxonomy}, checking its structure; queries are parsed later. */
public final class TaxonomyReader {

    /** The taxonomy shipped in the jar. */
    public static final String DEFAULT_RESOURCE = "/io/wirewatch/tagger/defense-cooperation.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private TaxonomyReader() {
    }

    public static Taxonomy readDefault() {
        try (InputStream in = TaxonomyReader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new TaxonomyException("the default taxonomy " + DEFAULT_RESOURCE + " is missing from the jar");
            }
            return read(YAML.readTree(in), "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new TaxonomyException("cannot read the default taxonomy " + DEFAULT_RESOURCE + ": "
                    + e.getMessage(), e);
        }
    }

    public static Taxonomy read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TaxonomyException("taxonomy file " + file + " does not exist or is not a file: check the "
                    + "path given with --taxonomy or the taxonomy.file setting");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(YAML.readTree(in), file.toString());
        } catch (IOException e) {
            throw new TaxonomyException("taxonomy file " + file + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    static Taxonomy read(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new TaxonomyException(source + ": the taxonomy must be a YAML mapping with name, version and "
                    + "topics");
        }
        final String name = required(root, "name", source);
        final String version = required(root, "version", source);
        final Map<String, String> contexts = new LinkedHashMap<>();
        final JsonNode ctx = root.path("contexts");
        for (Iterator<Map.Entry<String, JsonNode>> it = ctx.fields(); it.hasNext(); ) {
            final Map.Entry<String, JsonNode> e = it.next();
            contexts.put(e.getKey(), text(e.getValue(), source + ": context '" + e.getKey() + "'"));
        }
        final Set<String> ruleIds = new HashSet<>();
        final List<TopicDefinition> topics = new ArrayList<>();
        final Set<String> topicIds = new HashSet<>();
        final JsonNode topicNodes = root.path("topics");
        if (!topicNodes.isArray() || topicNodes.isEmpty()) {
            throw new TaxonomyException(source + ": 'topics' must be a non-empty list of topics");
        }
        for (JsonNode t : topicNodes) {
            final String id = required(t, "id", source + ": a topic");
            if (!topicIds.add(id)) {
                throw new TaxonomyException(source + ": topic id '" + id + "' appears twice; topic ids must be unique");
            }
            final String where = source + ": topic '" + id + "'";
            final List<RuleDefinition> rules = rules(t.path("rules"), where, contexts, ruleIds);
            if (rules.isEmpty()) {
                throw new TaxonomyException(where + " has no rules; give it at least one rule with an id and a query");
            }
            topics.add(new TopicDefinition(id, t.path("label").asText(id), t.path("description").asText(""),
                    t.path("iptc").path("code").asText(null), t.path("iptc").path("label").asText(null), rules));
        }
        final List<RuleDefinition> cooperation = rules(root.path("cooperation"), source + ": cooperation",
                contexts, ruleIds);
        final Map<String, String> watches = new LinkedHashMap<>();
        for (JsonNode w : root.path("watches")) {
            final String id = required(w, "id", source + ": a watch");
            if (watches.put(id, required(w, "query", source + ": watch '" + id + "'")) != null) {
                throw new TaxonomyException(source + ": watch id '" + id + "' appears twice");
            }
        }
        return new Taxonomy(name, version, root.path("description").asText(""), contexts, topics, cooperation,
                watches, source);
    }

    private static List<RuleDefinition> rules(JsonNode nodes, String where, Map<String, String> contexts,
                                              Set<String> ruleIds) {
        final List<RuleDefinition> out = new ArrayList<>();
        if (nodes.isMissingNode() || nodes.isNull()) {
            return out;
        }
        if (!nodes.isArray()) {
            throw new TaxonomyException(where + ": 'rules' must be a list");
        }
        for (JsonNode r : nodes) {
            final String id = required(r, "id", where + ": a rule");
            if (!ruleIds.add(id)) {
                throw new TaxonomyException(where + ": rule id '" + id + "' appears twice; rule ids must be unique");
            }
            final String rw = where + ", rule '" + id + "'";
            final List<String> needs = new ArrayList<>();
            final JsonNode c = r.path("context");
            if (c.isArray()) {
                c.forEach(x -> needs.add(x.asText()));
            } else if (c.isTextual()) {
                needs.add(c.asText());
            }
            for (String n : needs) {
                if (!contexts.containsKey(n)) {
                    throw new TaxonomyException(rw + " requires context '" + n + "', which is not defined under "
                            + "'contexts' (defined: " + contexts.keySet() + ")");
                }
            }
            out.add(new RuleDefinition(id, required(r, "query", rw), List.copyOf(needs),
                    choice(r, "scope", ContextScope.class, ContextScope.PARAGRAPH, rw),
                    choice(r, "parties", PartyPolicy.class, PartyPolicy.ANY, rw)));
        }
        return out;
    }

    private static <E extends Enum<E>> E choice(JsonNode node, String field, Class<E> type, E fallback,
                                                String where) {
        final JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, v.asText().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            final List<String> allowed = new ArrayList<>();
            for (E x : type.getEnumConstants()) {
                allowed.add(x.name().toLowerCase(Locale.ROOT));
            }
            throw new TaxonomyException(where + ": " + field + " '" + v.asText() + "' is not one of " + allowed, e);
        }
    }

    private static String required(JsonNode node, String field, String where) {
        final JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new TaxonomyException(where + ": '" + field + "' is required");
        }
        return text(v, where + ": '" + field + "'");
    }

    private static String text(JsonNode v, String where) {
        if (!v.isValueNode()) {
            throw new TaxonomyException(where + " must be a text value");
        }
        return v.asText().trim();
    }
}
