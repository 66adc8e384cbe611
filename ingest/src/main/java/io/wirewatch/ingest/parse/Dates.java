package io.wirewatch.ingest.parse;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Publish times as wire formats write them: ISO 8601 instants, offset date-times, local date-times and dates (taken
 * as UTC), and RFC 1123 dates. A value that is none of these is an INVALID_FIELD error naming the field.
 */
final class Dates {

    private Dates() {
    }

    /** The instant a date value means, or null for a null or blank value. */
    static Instant parse(String value, String field, String location, Long line) throws ParseException {
        String v = Texts.clean(value);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            // not an offset date-time: try the next form
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeException e) {
            // next form
        }
        try {
            return LocalDateTime.parse(v, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            // next form
        }
        try {
            return LocalDate.parse(v, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException e) {
            // next form
        }
        try {
            return OffsetDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            throw new ParseException(ParseException.Reason.INVALID_FIELD, location, line,
                    "field '" + field + "' is '" + abbreviate(v) + "', not a date; write ISO 8601 "
                            + "(2024-03-05T09:30:00Z or 2024-03-05)", e);
        }
    }

    static String abbreviate(String v) {
        return v.length() <= 60 ? v : v.substring(0, 57) + "...";
    }
}
