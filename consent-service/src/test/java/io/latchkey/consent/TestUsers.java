package io.latchkey.consent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import io.latchkey.consent.login.PasswordHasher;

/** Rows in the test run's own database (FreshDatabase), read and written over JDBC from the test thread. */
public final class TestUsers {

    private TestUsers() {
    }

    public static Connection db() throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", "postgres");
        // the driver directly: a restarted Quarkus class loader may not see drivers registered with DriverManager
        return new org.postgresql.Driver().connect(url, props);
    }

    /** Inserts a user with a fresh Argon2id hash of the default cost (7 MiB, 5 passes); returns its id. */
    public static UUID create(String username, String password, boolean disabled) throws SQLException {
        return create(username, password, disabled, new PasswordHasher(7168, 5, 1));
    }

    /** Inserts a user whose password hash {@code hasher} makes; returns its id. */
    public static UUID create(String username, String password, boolean disabled, PasswordHasher hasher)
            throws SQLException {
        UUID id = UUID.randomUUID();
        String hash = hasher.hash(password);
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(
                "insert into consent.users (id, username, display_name, password_hash, disabled) values (?,?,?,?,?)")) {
            s.setObject(1, id);
            s.setString(2, username);
            s.setString(3, "Test " + username);
            s.setString(4, hash);
            s.setBoolean(5, disabled);
            s.executeUpdate();
        }
        return id;
    }

    /** Inserts an active grant authorized {@code daysAgo} days ago; returns its id. */
    public static UUID grant(UUID userId, String clientId, String scopes, String via, int daysAgo) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(
                "insert into consent.grants (id, user_id, client_id, scopes, via, created_at, last_used_at) "
                        + "values (?,?,?,?,?, now() - make_interval(days => ?), now() - make_interval(days => ?))")) {
            s.setObject(1, id);
            s.setObject(2, userId);
            s.setString(3, clientId);
            s.setString(4, scopes);
            s.setString(5, via);
            s.setInt(6, daysAgo);
            s.setInt(7, daysAgo);
            s.executeUpdate();
        }
        return id;
    }

    public static UUID idOf(String username) throws SQLException {
        List<Map<String, Object>> rows = query("select id from consent.users where username = ?", username);
        return rows.isEmpty() ? null : (UUID) rows.get(0).get("id");
    }

    public static List<Map<String, Object>> query(String sql, Object... args) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }
}
