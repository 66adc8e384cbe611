package io.wirewatch.tagger;

import io.wirewatch.avro.Paragraph;
import io.wirewatch.avro.RawStory;
import java.util.List;

/**
 * The text of a story as the tagger reads it.
 *
 * @param headline the headline, or null
 * @param paragraphs the body in order; evidence offsets index into these texts
 */
public record TagInput(String headline, List<Paragraph> paragraphs) {

    public static TagInput of(RawStory story) {
        return new TagInput(story.getHeadline(), story.getParagraphs());
    }
}
