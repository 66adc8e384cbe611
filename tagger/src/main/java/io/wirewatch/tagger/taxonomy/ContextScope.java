package io.wirewatch.tagger.taxonomy;

/** Where a rule's required context must be found, relative to the sentence the rule matched. */
public enum ContextScope {
    SENTENCE, PARAGRAPH, STORY
}
