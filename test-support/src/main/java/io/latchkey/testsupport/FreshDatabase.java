package io.latchkey.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives a test run its own PostgreSQL database on the real local server (and its own Redis key prefix), so that
 * concurrent runs on one machine never see each other's rows or keys. The database is dropped afterwards.
 */
public class FreshDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String HOST = System.getProperty("latchkey.test.pg.host", "127.0.0.1");
    public static final String PORT = System.getProperty("latchkey.test.pg.port", "5432");
    public static final String USER = System.getProperty("latchkey.test.pg.user", "postgres");

    private String database;

    @Override
    public Map<String, String> start() {
        String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        database = "lk_test_" + run;
        create(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(database),
                "quarkus.datasource.reactive.url", "postgresql://" + HOST + ":" + PORT + "/" + database,
                "quarkus.datasource.username", USER,
                "latchkey.redis.key-prefix", "lk-test-" + run + ":");
    }

    @Override
    public void stop() {
        drop(database);
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    public static void create(String database) {
        admin("CREATE DATABASE " + database);
    }

    public static void drop(String database) {
        if (database != null) {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void admin(String sql) {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", USER);
        // the driver directly, not DriverManager: a restarted Quarkus class loader may not see registered drivers
        try (Connection c = new org.postgresql.Driver().connect(jdbcUrl("postgres"), props);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + HOST + ":" + PORT + " refused: " + sql, e);
        }
    }
}
