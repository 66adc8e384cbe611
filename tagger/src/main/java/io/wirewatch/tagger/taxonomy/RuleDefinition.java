package io.wirewatch.tagger.taxonomy;

import java.util.List;

/**
 * One rule of a taxonomy: a query in Lucene's classic syntax matched within one sentence.
 *
 * @param id rule id, e.g. {@code training/joint-exercise}; travels in every evidence
 * @param query the query text
 * @param contexts names of contexts that must all match within {@code scope} of the sentence (may be empty)
 * @param scope where the contexts must match
 * @param parties how the sentence must establish the parties
 */
public record RuleDefinition(String id, String query, List<String> contexts, ContextScope scope,
                             PartyPolicy parties) {
}
