package io.wirewatch.tagger.entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Analyzed forms of word lists, so code can compare them with the analyzed terms of a story. A word the analyzer
 * splits ("build-up") or drops (a stop word) is refused: it would stand for something else.
 */
public final class Stems {

    private Stems() {
    }

    public static Set<String> of(Analyzer analyzer, String... words) {
        final Set<String> out = new HashSet<>();
        for (String w : words) {
            try (TokenStream ts = analyzer.tokenStream("body", w)) {
                final CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                final List<String> terms = new ArrayList<>();
                while (ts.incrementToken()) {
                    terms.add(term.toString());
                }
                ts.end();
                if (terms.size() != 1) {
                    throw new IllegalArgumentException("'" + w + "' is not one analyzed word (" + terms + ")");
                }
                out.add(terms.get(0));
            } catch (IOException e) {
                throw new UncheckedIOException("analyzing the word list failed (in-memory text)", e);
            }
        }
        return Set.copyOf(out);
    }
}
