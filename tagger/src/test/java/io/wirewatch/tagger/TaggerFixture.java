package io.wirewatch.tagger;

/** One tagger for the whole test JVM: loading compiles the taxonomy, so tests share it. */
public final class TaggerFixture {

    private static final TaxonomyTagger TAGGER = TaxonomyTagger.loadDefault();

    private TaggerFixture() {
    }

    public static TaxonomyTagger tagger() {
        return TAGGER;
    }
}
