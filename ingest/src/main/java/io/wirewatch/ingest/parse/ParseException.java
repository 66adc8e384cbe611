package io.wirewatch.ingest.parse;

/**
 * The one exception a parser throws: the input (or one line of it) cannot become a story. Carries a machine-readable
 * {@link Reason}, the location of the input (file, URL or request, and a 1-based line where one applies) and a
 * message that names the input and says what to do. Nothing else escapes a parser: every other failure while reading
 * an input is turned into one of these.
 */
public final class ParseException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why an input was refused. The name is the dead letter's reason code. */
    public enum Reason {
        /** The input holds no bytes, or only whitespace. */
        EMPTY,
        /** The input is larger than {@code ingest.max.input.bytes}. */
        TOO_LARGE,
        /** The bytes are not text in any encoding the input declares or implies (binary, or mostly undecodable). */
        INVALID_ENCODING,
        /** JSON that does not parse, or is not an object where one is required. */
        MALFORMED_JSON,
        /** XML that does not parse. */
        MALFORMED_XML,
        /** XML with a DOCTYPE (entity expansion, external entities): refused unread. */
        FORBIDDEN_DOCTYPE,
        /** An RSS or Atom document Rome cannot read as a feed. */
        MALFORMED_FEED,
        /** The document parses but is not a story of its format (e.g. XML that is no newsItem). */
        NOT_A_STORY,
        /** A field holds a value of the wrong kind (a date that is no date, urgency that is no number). */
        INVALID_FIELD,
        /** The story has neither headline nor body text. */
        NO_BODY,
        /** A reader failed on the input in a way it does not expect: a bug to report, with the input attached. */
        UNREADABLE
    }

    private final Reason reason;
    private final String location;
    private final Long line;
    private final String detail;

    /**
     * @param location file path, URL or request id of the input
     * @param line 1-based line within the input, or null
     * @param detail what is wrong, without the location (it is prefixed)
     */
    public ParseException(Reason reason, String location, Long line, String detail, Throwable cause) {
        super(where(location, line) + ": " + detail, cause);
        this.reason = reason;
        this.location = location;
        this.line = line;
        this.detail = detail;
    }

    public ParseException(Reason reason, String location, Long line, String detail) {
        this(reason, location, line, detail, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The reason as the dead letter's reason code. */
    public String reasonCode() {
        return reason.name();
    }

    public String location() {
        return location;
    }

    /** 1-based line, or null when the whole input is meant. */
    public Long line() {
        return line;
    }

    /** What is wrong, without the location. */
    public String detail() {
        return detail;
    }

    /** The same failure placed on a line of the input. */
    public ParseException atLine(long lineNumber) {
        return at(location, lineNumber);
    }

    /** The same failure at another location (an item of a feed, an element of an array). */
    public ParseException at(String newLocation, Long newLine) {
        return new ParseException(reason, newLocation, newLine, detail, getCause());
    }

    private static String where(String location, Long line) {
        String at = location == null ? "input" : location;
        return line == null ? at : at + ":" + line;
    }
}
