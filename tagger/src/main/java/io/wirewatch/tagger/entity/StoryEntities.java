package io.wirewatch.tagger.entity;

import java.util.List;
import java.util.Map;

/**
 * What entity recognition found in a story.
 *
 * @param mentions every country, organization and person mention, in text order
 * @param bySentence indexes into {@code mentions} per sentence
 * @param people people found: canonical name to the ISO code of their country (null when unknown)
 */
public record StoryEntities(List<Mention> mentions, int[][] bySentence, Map<String, String> people) {
}
