package io.wirewatch.tagger.entity;

/**
 * One name the gazetteer knows.
 *
 * @param name the name as written in the gazetteer
 * @param code ISO 3166-1 alpha-2 code of the country it implies, or null for names that are not a country
 * @param kind how the name refers to the country
 * @param defense the organization's business is defence or security (an arms maker, a defence agency)
 */
public record GazetteerEntry(String name, String code, EntityKind kind, boolean defense) {
}
