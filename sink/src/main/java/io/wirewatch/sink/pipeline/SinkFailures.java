package io.wirewatch.sink.pipeline;

import io.wirewatch.platform.deadletter.FailureKind;
import java.sql.SQLException;

/**
 * Sorts a failure of a whole write (not of one record) with {@link FailureKind#of} plus what PostgreSQL's SQLSTATE
 * says. A whole batch failing is never the fault of one record (sinks report bad records one by one), so what
 * {@link FailureKind} would call bad data counts as retriable here: the sink is paused and retried, never skipped.
 */
public final class SinkFailures {

    private SinkFailures() {
    }

    public static FailureKind kind(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 28: invalid authorization; 3D: the database does not exist. Both need a person, not a retry.
                if (state.startsWith("28") || state.startsWith("3D")) {
                    return FailureKind.FATAL;
                }
            }
        }
        FailureKind kind = FailureKind.of(failure);
        return kind == FailureKind.FATAL ? FailureKind.FATAL : FailureKind.RETRIABLE;
    }

    /** One line naming the failure and its root cause. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return root == failure ? message
                : message + " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
