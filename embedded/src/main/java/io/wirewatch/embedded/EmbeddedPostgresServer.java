package io.wirewatch.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server from the binaries zonky ships as a Maven artifact, on a free loopback port, with its data
 * in a temp directory deleted on close. For tests and the local mode.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /** Starts PostgreSQL on {@code port} (0 for any free port). */
    public static EmbeddedPostgresServer start(int port) {
        Path dir;
        try {
            dir = Files.createTempDirectory("wirewatch-postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a data directory for embedded PostgreSQL", e);
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.resolve("data"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (port != 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            LOG.info("Embedded PostgreSQL started on 127.0.0.1:{}", postgres.getPort());
            return new EmbeddedPostgresServer(postgres, dir);
        } catch (IOException e) {
            Directories.deleteQuietly(dir);
            throw new IllegalStateException("Cannot start embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** JDBC URL of the {@code postgres} database, without credentials (give {@link #user()} and the password). */
    public String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    /** JDBC URL of another database on this server, without credentials. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    public String user() {
        return "postgres";
    }

    public String password() {
        return "postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    Path dataDirForTest() {
        return dataDir;
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.toString());
        } finally {
            Directories.deleteQuietly(dataDir);
        }
    }
}
