package io.wirewatch.ingest.source;

/** Where an input was read, which decides how a dead letter's origin names it. */
public enum Place {
    /** A file: origin file and line. */
    FILE,
    /** A URL fetched or an HTTP request received: origin url (and line for JSON Lines). */
    URL
}
