package io.wirewatch.tagger.taxonomy;

/** A taxonomy file that cannot be used; the message names the file, the rule and what to fix. */
public final class TaxonomyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TaxonomyException(String message) {
        super(message);
    }

    public TaxonomyException(String message, Throwable cause) {
        super(message, cause);
    }
}
