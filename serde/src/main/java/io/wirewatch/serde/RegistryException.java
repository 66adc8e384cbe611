package io.wirewatch.serde;

/**
 * A schema registry answered with an error, or could not be reached. Carries Confluent's error code where the
 * registry gave one ({@code error_code} in the response body), else the HTTP status.
 */
public class RegistryException extends RuntimeException {

    /** Subject not found. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    /** Version not found. */
    public static final int VERSION_NOT_FOUND = 40402;
    /** Schema not found. */
    public static final int SCHEMA_NOT_FOUND = 40403;
    /** Subject was soft-deleted (and not asked for with deleted=true). */
    public static final int SUBJECT_SOFT_DELETED = 40404;
    /** Permanent delete of a subject that was not soft-deleted first. */
    public static final int SUBJECT_NOT_SOFT_DELETED = 40405;
    /** Version was soft-deleted. */
    public static final int VERSION_SOFT_DELETED = 40406;
    /** Permanent delete of a version that was not soft-deleted first. */
    public static final int VERSION_NOT_SOFT_DELETED = 40407;
    /** Subject has no subject-level compatibility configured. */
    public static final int SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED = 40408;
    /** Subject has no subject-level mode configured. */
    public static final int SUBJECT_LEVEL_MODE_NOT_CONFIGURED = 40409;
    /** Schema incompatible with an earlier version (HTTP 409). */
    public static final int INCOMPATIBLE_SCHEMA = 409;
    /** Invalid schema. */
    public static final int INVALID_SCHEMA = 42201;
    /** Invalid version. */
    public static final int INVALID_VERSION = 42202;
    /** Invalid compatibility level. */
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    /** Invalid mode. */
    public static final int INVALID_MODE = 42204;
    /** Operation not permitted in the registry's current mode. */
    public static final int OPERATION_NOT_PERMITTED = 42205;
    /** Error in the backend store. */
    public static final int STORE_ERROR = 50001;
    /** Request timed out writing to the backend store. */
    public static final int STORE_TIMEOUT = 50002;
    /** No registry answered (I/O failure on every URL). */
    public static final int UNREACHABLE = -1;

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int errorCode;

    public RegistryException(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public RegistryException(int status, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** HTTP status, or -1 when no registry answered. */
    public int status() {
        return status;
    }

    /** Confluent error code, e.g. 40401; the HTTP status when the registry gave none. */
    public int errorCode() {
        return errorCode;
    }

    /** True when retrying later may help (no answer, or a 5xx). */
    public boolean isRetriable() {
        return status == UNREACHABLE || status >= 500;
    }

    /** The message alone, as a registry puts it in its error body (without the appended error code). */
    public String detail() {
        return super.getMessage();
    }

    @Override
    public String getMessage() {
        return super.getMessage() + "; error code: " + errorCode;
    }
}
