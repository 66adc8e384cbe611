package io.wirewatch.tagger.entity;

/** How a story refers to a country. */
public enum EntityKind {
    /** The country's name or an abbreviation of it ("India", "UAE"). */
    NAME,
    /** A demonym or adjective ("Israeli", "Indian"). */
    DEMONYM,
    /** The capital ("Tokyo"): a place, a party only when the context makes it one. */
    CAPITAL,
    /** A ministry, agency or armed service that implies the country ("DRDO", "Pentagon"). */
    AGENCY,
    /** A company whose home country is known ("Hanwha"). */
    COMPANY,
    /** A person whose country the story states ("Israeli Defence Minister Benny Gantz"). */
    PERSON,
    /** A name that contains a country word but is not a country ("Indian Ocean", "Xinhua"). */
    NONE
}
