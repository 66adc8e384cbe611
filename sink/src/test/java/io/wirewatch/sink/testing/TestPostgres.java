package io.wirewatch.sink.testing;

import io.wirewatch.embedded.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (embedded binaries), started on first use and stopped when the JVM exits;
 * tests keep apart by each taking a fresh database. Plus plain-JDBC queries for assertions.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgresServer server;

    private TestPostgres() {
    }

    public static synchronized EmbeddedPostgresServer server() {
        if (server == null) {
            EmbeddedPostgresServer started = EmbeddedPostgresServer.start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "wirewatch-test-postgres-shutdown"));
            server = started;
        }
        return server;
    }

    /** Creates an empty database and returns its JDBC URL, without a user in it (the settings' user counts). */
    public static String freshDatabase() {
        String name = "sink_test_" + DATABASES.incrementAndGet();
        try (Connection c = server().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return "jdbc:postgresql://localhost:" + server().port() + "/" + name;
    }

    public static String user() {
        return server().user();
    }

    public static String password() {
        return server().password();
    }

    /** Runs a statement (DDL, updates). */
    public static void execute(String jdbcUrl, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user(), password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The first column of the first row, as a long. */
    public static long queryLong(String jdbcUrl, String sql, Object... args) throws SQLException {
        List<String> values = queryStrings(jdbcUrl, sql, args);
        return Long.parseLong(values.get(0));
    }

    /** The first column of every row. */
    public static List<String> queryStrings(String jdbcUrl, String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user(), password());
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }
}
