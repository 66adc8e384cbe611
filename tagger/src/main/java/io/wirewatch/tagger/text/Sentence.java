package io.wirewatch.tagger.text;

/**
 * One sentence of a story, located in its paragraph.
 *
 * @param paragraph index of the paragraph in the story (-1 for the headline)
 * @param start offset of the first character in the paragraph text (inclusive)
 * @param end offset just past the last character (exclusive)
 */
public record Sentence(int paragraph, int start, int end) {

    public String text(String paragraphText) {
        return paragraphText.substring(start, end);
    }
}
