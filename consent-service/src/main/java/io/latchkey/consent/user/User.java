package io.latchkey.consent.user;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person who signs in to Latchkey. The username is the email address. */
@Entity
@Table(name = "users", schema = "consent")
public class User {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String username;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    /** Argon2id PHC string; never the password. */
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(nullable = false)
    public boolean disabled;

    /** The operator role: only operators may be granted scope {@code admin} ({@link OperatorRole}). */
    @Column(nullable = false)
    public boolean operator;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public static User create(String username, String displayName, String passwordHash) {
        User u = new User();
        u.id = UUID.randomUUID();
        u.username = username;
        u.displayName = displayName;
        u.passwordHash = passwordHash;
        u.disabled = false;
        u.createdAt = OffsetDateTime.now();
        return u;
    }
}
