package io.wirewatch.bench.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the sink's {@code stories} table in one PostgreSQL schema: what arrived, when. */
final class StoryTable implements AutoCloseable {

    /**
     * A stored story: its id, the stored_at - received_at delay in milliseconds, and its two parts: enriched_at -
     * received_at (ingest's commit, the raw topic, enrich's input wait and processing) and stored_at - enriched_at
     * (enrich's commit, the enriched topic, the sink's poll and write).
     */
    record Stored(String id, Instant storedAt, double ingestToStoreMs, double ingestToEnrichMs,
                  double enrichToStoreMs) {
    }

    private final Connection connection;
    private final String table;

    StoryTable(String jdbcUrl, String user, String password, String schema) throws SQLException {
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("schema '" + schema + "' must be a plain lower-case identifier");
        }
        this.connection = DriverManager.getConnection(jdbcUrl, user, password);
        this.table = schema + ".stories";
    }

    /**
     * Stories of the source stored at or after {@code since} (the sink's transaction start; the sink's
     * stories_stored_at_idx makes this a short index range scan, not a scan of the table polled every 50 ms).
     */
    long count(String source, Instant since) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM " + table
                + " WHERE stored_at >= ? AND source = ?")) {
            ps.setTimestamp(1, Timestamp.from(since));
            ps.setString(2, source);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Stories of the source whose stored_at is at or after {@code since}. */
    List<Stored> storedSince(String source, Instant since) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, stored_at, "
                + "extract(epoch from (stored_at - received_at)) * 1000, "
                + "extract(epoch from (enriched_at - received_at)) * 1000, "
                + "extract(epoch from (stored_at - enriched_at)) * 1000 FROM " + table
                + " WHERE source = ? AND stored_at >= ?")) {
            ps.setString(1, source);
            ps.setTimestamp(2, Timestamp.from(since));
            return read(ps);
        }
    }

    /** Every story of the source. */
    List<Stored> all(String source) throws SQLException {
        return storedSince(source, Instant.EPOCH);
    }

    private static List<Stored> read(PreparedStatement ps) throws SQLException {
        List<Stored> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Stored(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getDouble(3), rs.getDouble(4),
                        rs.getDouble(5)));
            }
        }
        return rows;
    }

    /** True once the sink's migrations created the table. */
    boolean exists() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
