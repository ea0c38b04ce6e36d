package io.latchkey.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {

    @TempDir
    Path tmp;

    private static Credentials creds(String issuer, String access) {
        return new Credentials(issuer, "latchkey-cli", issuer + "/oauth/token", issuer + "/oauth/revoke", access,
                "refresh-" + access, "profile db:read", Instant.parse("2026-12-01T10:10:00Z"));
    }

    @Test
    void theDirectoryIs0700AndEveryCredentialsFile0600() throws Exception {
        CredentialStore store = new CredentialStore(tmp.resolve("latchkey"));
        store.save(creds("http://localhost:8080", "a1"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.dir())));
        Path file = store.fileFor("http://localhost:8080");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        store.save(creds("http://localhost:8080", "a2"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "still after a rewrite");
    }

    @Test
    void aWriteReplacesTheFileWholeAndLeavesNoTemporaryFile() throws Exception {
        CredentialStore store = new CredentialStore(tmp);
        store.save(creds("http://localhost:8080", "a1"));
        store.save(creds("http://localhost:8080", "a2"));
        assertEquals("a2", store.load("http://localhost:8080").orElseThrow().accessToken());
        try (Stream<Path> files = Files.list(tmp)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void credentialsRoundTripAndAreKeptPerIssuer() {
        CredentialStore store = new CredentialStore(tmp);
        store.save(creds("http://localhost:8080", "local"));
        store.save(creds("https://auth.example.com", "remote"));
        assertNotEquals(store.fileFor("http://localhost:8080"), store.fileFor("http://localhost:8081"));
        assertEquals(creds("http://localhost:8080", "local"), store.load("http://localhost:8080").orElseThrow());
        assertEquals("remote", store.load("https://auth.example.com").orElseThrow().accessToken());
        assertTrue(store.delete("http://localhost:8080"));
        assertTrue(store.load("http://localhost:8080").isEmpty());
        assertFalse(store.delete("http://localhost:8080"));
        assertTrue(store.load("https://auth.example.com").isPresent());
    }

    @Test
    void anAccessTokenIsValidOnlyWithTheMarginLeft() {
        Credentials c = creds("http://localhost:8080", "a");
        assertTrue(c.validFor(Duration.ofSeconds(30), Instant.parse("2026-12-01T10:09:00Z")));
        assertFalse(c.validFor(Duration.ofSeconds(30), Instant.parse("2026-12-01T10:09:45Z")));
    }

    @Test
    void theConfigDirectoryIsLatchkeyConfigDirThenXdgConfigHomeThenDotConfig() {
        assertEquals(Path.of("/opt/lk"), ConfigDirs.resolve(Map.of("LATCHKEY_CONFIG_DIR", "/opt/lk", "XDG_CONFIG_HOME", "/x"), "/home/u"));
        assertEquals(Path.of("/x/latchkey"), ConfigDirs.resolve(Map.of("XDG_CONFIG_HOME", "/x"), "/home/u"));
        assertEquals(Path.of("/home/u/.config/latchkey"), ConfigDirs.resolve(Map.of(), "/home/u"));
        assertEquals(Path.of("/home/u/.config/latchkey"), ConfigDirs.resolve(Map.of("XDG_CONFIG_HOME", "relative"), "/home/u"),
                "a relative XDG_CONFIG_HOME is ignored");
        assertEquals(Path.of("/home/u/.config/latchkey"), ConfigDirs.resolve(Map.of("LATCHKEY_CONFIG_DIR", " "), "/home/u"));
    }
}
