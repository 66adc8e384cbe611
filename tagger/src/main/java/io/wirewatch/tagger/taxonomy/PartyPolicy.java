package io.wirewatch.tagger.taxonomy;

/** How a matching sentence must establish the parties of the cooperation it reports. */
public enum PartyPolicy {
    /**
     * The parties may come from the context: a sentence naming one country is paired with the story's home
     * country, one naming none with the parties of its paragraph or story.
     */
    ANY,
    /**
     * The sentence itself names two or more parties, or refers to both ("the two countries", "bilateral": the
     * taxonomy's {@code pair} context).
     */
    EXPLICIT
}
