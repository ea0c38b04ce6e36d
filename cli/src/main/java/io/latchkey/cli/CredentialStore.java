package io.latchkey.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Credentials per issuer, one JSON file each in the config directory (mode 0700), every file mode 0600, written
 * atomically (a temp file renamed over the old one), so a reader never sees half a file. A lock file per issuer
 * serialises refreshes across processes.
 */
public final class CredentialStore {

    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path dir;

    public CredentialStore(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** {@code credentials-<host>-<port>-<hash>.json}: readable, and distinct for every issuer URL. */
    public Path fileFor(String issuer) {
        return dir.resolve("credentials-" + slug(issuer) + ".json");
    }

    public Optional<Credentials> load(String issuer) {
        Path file = fileFor(issuer);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            var json = Json.parseOrNull(text);
            if (json == null || !json.isObject()) {
                throw new CliFailure(Exit.ERROR, "The credentials file " + file + " is damaged; run latchkey logout, then login.");
            }
            return Optional.of(Credentials.fromJson(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void save(Credentials credentials) {
        try {
            ensureDir();
            Path target = fileFor(credentials.issuer());
            Path temp = POSIX
                    ? Files.createTempFile(dir, ".credentials-", ".tmp", PosixFilePermissions.asFileAttribute(FILE_MODE))
                    : Files.createTempFile(dir, ".credentials-", ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ch.write(java.nio.ByteBuffer.wrap(Json.pretty(credentials.toJson()).getBytes(StandardCharsets.UTF_8)));
                    ch.force(true);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when there was something to delete. */
    public boolean delete(String issuer) {
        try {
            return Files.deleteIfExists(fileFor(issuer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code work} holding this issuer's lock file, exclusively across every process on the machine. */
    public <T> T locked(String issuer, Supplier<T> work) {
        try {
            ensureDir();
            Path lockFile = dir.resolve("credentials-" + slug(issuer) + ".lock");
            FileAttribute<?>[] attrs = POSIX && !Files.exists(lockFile)
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)}
                    : new FileAttribute<?>[0];
            try (FileChannel ch = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), attrs);
                 FileLock lock = ch.lock()) {
                return work.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ensureDir() throws IOException {
        if (!Files.isDirectory(dir)) {
            if (POSIX) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
                // createDirectories applies the umask: set the mode explicitly
                Files.setPosixFilePermissions(dir, DIR_MODE);
            } else {
                Files.createDirectories(dir);
            }
        }
    }

    static String slug(String issuer) {
        String readable = issuer.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "").replaceAll("[^A-Za-z0-9.]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (readable.length() > 60) {
            readable = readable.substring(0, 60);
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(issuer.getBytes(StandardCharsets.UTF_8));
            return readable + "-" + HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
