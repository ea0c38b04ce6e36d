package io.latchkey.consent.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import io.latchkey.consent.config.ConsentServiceConfig;

/**
 * Argon2id password hashes in the PHC string format {@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}.
 * Hashing is CPU-heavy and blocking: call it on a worker thread, never on the event loop.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final String PREFIX = "$argon2id$v=19$";
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private volatile String dummyHash;

    @Inject
    public PasswordHasher(ConsentServiceConfig config) {
        this(config.password().argon2().memoryKib(), config.password().argon2().iterations(),
                config.password().argon2().parallelism());
    }

    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /** A fresh salted hash of the password with the configured parameters. Blocking. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return PREFIX + "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** True when the password matches the PHC hash; false on any malformed hash. Constant-time compare. Blocking. */
    public boolean verify(String password, String phc) {
        Phc parsed = Phc.parse(phc);
        if (parsed == null) {
            return false;
        }
        byte[] actual = argon2(password, parsed.salt, parsed.m, parsed.t, parsed.p, parsed.hash.length);
        return MessageDigest.isEqual(actual, parsed.hash);
    }

    /**
     * True when a well-formed hash was made with other cost parameters than the configured ones, so that a sign-in
     * which has just verified the password should store a fresh hash (a changed cost reaches existing users as they
     * sign in). False for a malformed hash: it never verifies, so there is nothing to upgrade.
     */
    public boolean needsRehash(String phc) {
        Phc parsed = Phc.parse(phc);
        return parsed != null && (parsed.m != memoryKib || parsed.t != iterations || parsed.p != parallelism
                || parsed.hash.length != HASH_BYTES);
    }

    /**
     * Spends the same time as a real verification and always fails: used for unknown or disabled users so that
     * response times do not reveal which usernames exist.
     */
    public boolean verifyDummy(String password) {
        String dummy = dummyHash;
        if (dummy == null) {
            // any well-formed hash with the configured parameters costs the same to check: no need to compute one
            byte[] salt = new byte[SALT_BYTES];
            byte[] hash = new byte[HASH_BYTES];
            random.nextBytes(salt);
            random.nextBytes(hash);
            dummy = PREFIX + "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                    + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
            dummyHash = dummy;
        }
        verify(password, dummy);
        return false;
    }

    private static byte[] argon2(String password, byte[] salt, int m, int t, int p, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(m)
                .withIterations(t)
                .withParallelism(p)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    private record Phc(int m, int t, int p, byte[] salt, byte[] hash) {

        static Phc parse(String phc) {
            if (phc == null || !phc.startsWith(PREFIX)) {
                return null;
            }
            String[] parts = phc.substring(PREFIX.length()).split("\\$");
            if (parts.length != 3) {
                return null;
            }
            try {
                int m = 0;
                int t = 0;
                int p = 0;
                for (String kv : parts[0].split(",")) {
                    String[] pair = kv.split("=", 2);
                    int v = Integer.parseInt(pair[1]);
                    switch (pair[0]) {
                        case "m" -> m = v;
                        case "t" -> t = v;
                        case "p" -> p = v;
                        default -> {
                            return null;
                        }
                    }
                }
                if (m < 8 || t < 1 || p < 1 || m > 4 * 1024 * 1024 || t > 64 || p > 64) {
                    return null;
                }
                byte[] salt = B64D.decode(parts[1]);
                byte[] hash = B64D.decode(parts[2]);
                return hash.length < 16 ? null : new Phc(m, t, p, salt, hash);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
