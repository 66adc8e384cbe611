package io.wirewatch.tagger.entity;

/**
 * A place in the story that names a country, an organization or a person.
 *
 * @param firstToken first token of the mention
 * @param lastToken last token (inclusive)
 * @param sentence the sentence holding it
 * @param code ISO 3166-1 alpha-2 code of the implied country, or null
 * @param kind how it refers to the country
 * @param name the name as written (a trailing possessive removed), or the canonical name for people
 * @param locative it names a place something happens in or goes to ("in Tokyo", "visited India", a dateline)
 * @param offSite it names a place near which something happens ("off Guam", "near Taiwan"): never a party
 * @param adversarial it names a rival or threat ("amid China's assertiveness", "against Russia's invasion")
 * @param background it lies in background text (a descriptive relative clause)
 */
public record Mention(int firstToken, int lastToken, int sentence, String code, EntityKind kind, String name,
                      boolean locative, boolean offSite, boolean adversarial, boolean background) {

    /** Whether this mention can make its country a party of a cooperation in its sentence. */
    public boolean canBeParty() {
        if (code == null || adversarial || background) {
            return false;
        }
        return !offSite && (kind != EntityKind.CAPITAL || !locative);
    }
}
