package io.latchkey.token.jwt;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.latchkey.common.jwt.VerificationKey;
import io.latchkey.token.config.TokenServiceConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The key set: the one key that signs now, and every key whose tokens may still be live (the JWKS).
 * Created on first start and persisted (private keys encrypted), so a restart keeps the same {@code kid}.
 * Each replica holds the set in memory and reloads it periodically; signing never touches the database.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private record KeySet(SigningKey current, List<SigningKey> published, Map<String, VerificationKey> byKid,
                          String jwksJson) {
    }

    private final SigningKeyRepository repository;
    private final KeyEncryption encryption;
    private final ObjectMapper json;
    private final String algorithm;
    private final Duration accessTtl;
    private final Duration rotationInterval;
    private volatile KeySet keys;

    public SigningKeys(SigningKeyRepository repository, KeyEncryption encryption, ObjectMapper json,
                       TokenServiceConfig config) {
        this.repository = repository;
        this.encryption = encryption;
        this.json = json;
        this.algorithm = config.keys().algorithm();
        this.accessTtl = config.token().accessTtl();
        this.rotationInterval = config.keys().rotationInterval();
    }

    void onStart(@Observes StartupEvent ignored) {
        ensureActiveKey().chain(this::reload).await().atMost(Duration.ofSeconds(60));
        LOG.infof("Signing with %s key %s; %d key(s) published", current().alg(), current().kid(),
                keys.published().size());
    }

    /** Rotates the key when it is due (scheduled rotation), then reloads the set (rotations by other replicas). */
    @Scheduled(every = "${latchkey.keys.reload-interval:60s}", delayed = "${latchkey.keys.reload-interval:60s}")
    Uni<Void> scheduledReload() {
        return rotateIfDue()
                .onFailure().invoke(e -> LOG.warnf("Scheduled key rotation failed, will retry: %s", e.toString()))
                .onFailure().recoverWithNull()
                .chain(this::reload)
                .onFailure().invoke(e -> LOG.warnf("Key reload failed, keeping the current set: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    public SigningKey current() {
        return keys.current();
    }

    public List<SigningKey> published() {
        return keys.published();
    }

    /** The published key with this kid, as the shared verifier takes it; null when none is published. */
    public VerificationKey verificationKey(String kid) {
        return keys.byKid().get(kid);
    }

    /** The JWKS document (RFC 7517 §5), serialised once per key-set change. */
    public String jwksJson() {
        return keys.jwksJson();
    }

    /** Creates a new signing key; older keys stay published until every token they signed has expired. */
    public Uni<SigningKey> rotate() {
        return rotateWhen(conn -> Uni.createFrom().item(true))
                .map(ignored -> current())
                .invoke(key -> LOG.infof("On-demand rotation: now signing with key %s", key.kid()));
    }

    /**
     * Rotates when the active key is older than {@code latchkey.keys.rotation-interval}; the age is checked again
     * under the cluster-wide key lock, so of many replicas exactly one rotates. The new key, or null when none was due.
     */
    public Uni<SigningKey> rotateIfDue() {
        Instant dueBefore = Instant.now().minus(rotationInterval);
        if (keys != null && current().createdAt().isAfter(dueBefore)) {
            return Uni.createFrom().nullItem();
        }
        return rotateWhen(conn -> repository.newestActiveCreatedAt(conn).map(c -> c == null || c.isBefore(dueBefore)))
                .map(rotated -> {
                    if (rotated) {
                        LOG.infof("Scheduled rotation: now signing with key %s", current().kid());
                    }
                    return rotated ? current() : null;
                });
    }

    private Uni<Boolean> rotateWhen(Function<SqlConnection, Uni<Boolean>> due) {
        return repository.underKeyLock(conn -> due.apply(conn).chain(go -> {
                    if (!go) {
                        return Uni.createFrom().item(false);
                    }
                    StoredKey fresh = newKey();
                    Instant now = Instant.now();
                    // the old key stays in the JWKS until the last token it signed has expired (+1 min of clock skew)
                    return repository.insert(conn, fresh)
                            .chain(() -> repository.supersedeAllBut(conn, fresh.kid(), now,
                                    now.plus(accessTtl).plus(Duration.ofMinutes(1))))
                            .replaceWith(true);
                }))
                .call(rotated -> rotated ? reload() : Uni.createFrom().voidItem());
    }

    public Uni<Void> reload() {
        return repository.findPublished(Instant.now()).map(this::toKeySet).invoke(ks -> keys = ks).replaceWithVoid();
    }

    private Uni<Void> ensureActiveKey() {
        return repository.underKeyLock(conn -> repository.countActive(conn)
                .chain(n -> n > 0 ? Uni.createFrom().voidItem() : repository.insert(conn, newKey())));
    }

    private StoredKey newKey() {
        try {
            KeyPair pair = Algorithms.generate(algorithm);
            String kid = Algorithms.thumbprint(pair.getPublic());
            return new StoredKey(kid, algorithm, pair.getPublic().getEncoded(),
                    encryption.encrypt(pair.getPrivate().getEncoded(), kid), Instant.now(), null, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a signing key", e);
        }
    }

    private KeySet toKeySet(List<StoredKey> stored) {
        List<SigningKey> published = new ArrayList<>();
        SigningKey current = null;
        for (StoredKey s : stored) {
            SigningKey k = decode(s);
            published.add(k);
            if (current == null && s.supersededAt() == null) {
                current = k;
            }
        }
        if (current == null) {
            throw new IllegalStateException("No active signing key in the database");
        }
        List<Map<String, Object>> jwks = published.stream().map(SigningKey::jwk).toList();
        try {
            Map<String, VerificationKey> byKid = new java.util.HashMap<>();
            published.forEach(k -> byKid.put(k.kid(), new VerificationKey(k.kid(), k.alg(), k.publicKey())));
            return new KeySet(current, List.copyOf(published), Map.copyOf(byKid),
                    json.writeValueAsString(Map.of("keys", jwks)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private SigningKey decode(StoredKey s) {
        try {
            KeyPair pair = Algorithms.decode(s.alg(), s.publicKey(), encryption.decrypt(s.encryptedPrivateKey(), s.kid()));
            return new SigningKey(s.kid(), s.alg(), pair.getPrivate(), pair.getPublic(),
                    Algorithms.jwk(s.kid(), s.alg(), pair.getPublic()), s.createdAt());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decode signing key " + s.kid(), e);
        }
    }
}
