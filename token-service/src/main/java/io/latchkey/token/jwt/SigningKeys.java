package io.latchkey.token.jwt;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The key set: the one key that signs now, and every key whose tokens may still be live (the JWKS).
 * Created on first start and persisted (private keys encrypted), so a restart keeps the same {@code kid}.
 * Each replica holds the set in memory and reloads it periodically; signing never touches the database.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);

    private record KeySet(SigningKey current, List<SigningKey> published, String jwksJson) {
    }

    private final SigningKeyRepository repository;
    private final KeyEncryption encryption;
    private final ObjectMapper json;
    private final String algorithm;
    private final Duration accessTtl;
    private volatile KeySet keys;

    public SigningKeys(SigningKeyRepository repository, KeyEncryption encryption, ObjectMapper json,
                       @ConfigProperty(name = "latchkey.keys.algorithm", defaultValue = "ES256") String algorithm,
                       @ConfigProperty(name = "latchkey.token.access-ttl") Duration accessTtl) {
        this.repository = repository;
        this.encryption = encryption;
        this.json = json;
        this.algorithm = algorithm;
        this.accessTtl = accessTtl;
    }

    void onStart(@Observes StartupEvent ignored) {
        ensureActiveKey().chain(this::reload).await().atMost(Duration.ofSeconds(60));
        LOG.infof("Signing with %s key %s; %d key(s) published", current().alg(), current().kid(),
                keys.published().size());
    }

    @Scheduled(every = "${latchkey.keys.reload-interval:60s}", delayed = "${latchkey.keys.reload-interval:60s}")
    Uni<Void> scheduledReload() {
        return reload().onFailure().invoke(e -> LOG.warnf("Key reload failed, keeping the current set: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    public SigningKey current() {
        return keys.current();
    }

    public List<SigningKey> published() {
        return keys.published();
    }

    /** The JWKS document (RFC 7517 §5), serialised once per key-set change. */
    public String jwksJson() {
        return keys.jwksJson();
    }

    /** Creates a new signing key; older keys stay published until every token they signed has expired. */
    public Uni<SigningKey> rotate() {
        return repository.underKeyLock(conn -> {
                    StoredKey fresh = newKey();
                    Instant now = Instant.now();
                    return repository.insert(conn, fresh)
                            .chain(() -> repository.supersedeAllBut(conn, fresh.kid(), now,
                                    now.plus(accessTtl).plus(Duration.ofMinutes(1))));
                })
                .chain(this::reload)
                .map(ignored -> current());
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
            return new KeySet(current, List.copyOf(published), json.writeValueAsString(Map.of("keys", jwks)));
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
