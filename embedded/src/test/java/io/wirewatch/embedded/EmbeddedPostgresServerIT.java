package io.wirewatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresServerIT {

    @Test
    void startsARealPostgresServerAndDeletesItsDataOnClose() throws Exception {
        java.nio.file.Path dir;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(0);
             Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select version()")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("PostgreSQL");
            dir = server.dataDirForTest();
        }
        assertThat(dir).doesNotExist();
    }
}
