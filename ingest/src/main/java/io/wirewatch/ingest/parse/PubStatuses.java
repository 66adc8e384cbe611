package io.wirewatch.ingest.parse;

import io.wirewatch.avro.PubStatus;
import java.util.Locale;

/** Publishing status as ninjs ({@code usable}) and NewsML-G2 ({@code stat:usable}) write it. */
final class PubStatuses {

    private PubStatuses() {
    }

    /**
     * USABLE for null; an unknown value is refused rather than published, since a misspelt "canceled" must not go
     * out as usable.
     */
    static PubStatus parse(String value, String field, String location, Long line) throws ParseException {
        if (value == null) {
            return PubStatus.USABLE;
        }
        switch (value.toLowerCase(Locale.ROOT).replace("stat:", "")) {
            case "usable": return PubStatus.USABLE;
            case "withheld": return PubStatus.WITHHELD;
            case "canceled": case "cancelled": return PubStatus.CANCELED;
            default:
                throw new ParseException(ParseException.Reason.INVALID_FIELD, location, line,
                        "field '" + field + "' is '" + Dates.abbreviate(value) + "'; use usable, withheld or "
                                + "canceled (stat:usable, stat:withheld, stat:canceled in NewsML-G2)");
        }
    }
}
