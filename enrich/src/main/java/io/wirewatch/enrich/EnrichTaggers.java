package io.wirewatch.enrich;

import io.wirewatch.tagger.TaxonomyTagger;
import io.wirewatch.tagger.taxonomy.TopicDefinition;
import java.nio.file.Path;
import java.util.List;

/** The tagger the enrich service runs with: the taxonomy of {@code taxonomy.file}, else the shipped one. */
public final class EnrichTaggers {

    private EnrichTaggers() {
    }

    /** Loads the configured taxonomy; a broken file fails here, at startup, naming the file. */
    public static TaxonomyTagger load(EnrichConfig config) {
        Path file = config.taxonomyFile();
        return file == null ? TaxonomyTagger.loadDefault() : TaxonomyTagger.load(file);
    }

    /** The taxonomy's topic ids: one news.enriched.&lt;id&gt; topic and branch each. */
    public static List<String> topicIds(TaxonomyTagger tagger) {
        return tagger.taxonomy().topics().stream().map(TopicDefinition::id).toList();
    }
}
