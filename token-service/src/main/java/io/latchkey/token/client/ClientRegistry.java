package io.latchkey.token.client;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.latchkey.common.Scopes;
import io.latchkey.common.client.ClientChange;
import io.latchkey.common.client.ClientMetadata;
import io.latchkey.common.client.ClientMetadataRules;
import io.latchkey.common.error.OAuthError;
import io.latchkey.token.config.TokenServiceConfig;
import io.latchkey.token.refresh.RefreshTokenRepository;
import io.latchkey.token.revocation.ClientRevocation;
import io.smallrye.mutiny.Uni;
import io.latchkey.common.crypto.Secrets;

/**
 * Registering and managing clients (RFC 7591 / RFC 7592 semantics): the one implementation behind the operators'
 * admin API ({@code /admin/clients}) and consent-service's {@code /internal/clients} (partner applications, the
 * operator console). Every change is committed in PostgreSQL first, then announced on every replica
 * ({@link ClientChangeFeed}); disabling or deleting a client also revokes all its grants ({@link ClientRevocation}).
 */
@ApplicationScoped
public class ClientRegistry {

    /** Who asks: an operator (may register operator clients) or a partner, through consent-service (may not). */
    public enum Origin { OPERATOR, PARTNER }

    /** A client and, right after it was created or its secret rotated, the secret in clear (shown once). */
    public record Registered(Client client, String secret) {
    }

    private static final Logger LOG = Logger.getLogger(ClientRegistry.class);
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** 256-bit client secrets, like the rest of the platform's secrets (stored as SHA-256 only). */
    private static final int SECRET_BYTES = 32;

    private final ClientRepository repository;
    private final RefreshTokenRepository transactions;
    private final ClientRevocation revocation;
    private final ClientChangeFeed changes;
    private final Set<String> knownScopes;
    private final Duration rotationOverlap;

    public ClientRegistry(ClientRepository repository, RefreshTokenRepository transactions, ClientRevocation revocation,
                          ClientChangeFeed changes, TokenServiceConfig config) {
        this.repository = repository;
        this.transactions = transactions;
        this.revocation = revocation;
        this.changes = changes;
        this.knownScopes = Set.copyOf(config.scopes());
        this.rotationOverlap = config.clients().secretRotationOverlap();
    }

    /** The metadata as it would be registered: every rule checked, defaults filled in. Throws the RFC 7591 error. */
    public ClientMetadata validate(ClientMetadata requested, Origin origin) {
        if (origin == Origin.PARTNER && requested != null && requested.isOperator()) {
            // only operators create operator clients (the only clients that can hold scope admin)
            throw OAuthError.INVALID_CLIENT_METADATA.with("operator clients are registered by operators only.");
        }
        return ClientMetadataRules.validate(requested, knownScopes);
    }

    /** RFC 7591 §3.2.1: registers the client; a confidential one gets a server-generated secret, shown once. */
    public Uni<Registered> create(ClientMetadata valid) {
        String clientId = valid.clientId() != null ? valid.clientId() : newClientId();
        boolean confidential = !ClientMetadataRules.AUTH_NONE.equals(valid.tokenEndpointAuthMethod());
        String secret = confidential ? Secrets.random(SECRET_BYTES) : null;
        Client client = toClient(clientId, valid, secret == null ? null : Secrets.sha256(secret), false, null);
        return repository.insertIfAbsent(client)
                .chain(inserted -> {
                    if (!inserted) {
                        // a client id names one client forever (deleted ones included): old tokens carry it
                        throw OAuthError.INVALID_CLIENT_METADATA.with("client_id is already taken.");
                    }
                    return repository.findById(clientId);
                })
                .call(c -> changes.announce(new ClientChange(ClientChange.Kind.CREATED, clientId)))
                .invoke(c -> LOG.infof("Client %s registered (%s)", clientId, c.clientType().wire()))
                .map(c -> new Registered(c, secret));
    }

    /** The client, or 404 {@code not_found}. */
    public Uni<Client> find(String clientId) {
        return repository.findById(clientId).map(ClientRegistry::existing);
    }

    public Uni<ClientRepository.Page> list(String cursor, int limit, ClientRepository.Filter filter) {
        return repository.page(cursor, limit, filter);
    }

    /**
     * RFC 7592 §2.2: full replacement of the metadata (omitted members take their defaults). The client type (public
     * or confidential) cannot change: that would need a new secret, or strand one.
     */
    public Uni<Client> update(String clientId, ClientMetadata valid, Origin origin) {
        return find(clientId)
                .chain(existing -> {
                    boolean confidential = !ClientMetadataRules.AUTH_NONE.equals(valid.tokenEndpointAuthMethod());
                    if (confidential == existing.isPublic()) {
                        throw OAuthError.INVALID_CLIENT_METADATA.with(
                                "token_endpoint_auth_method cannot change between none and a client secret; register a new client.");
                    }
                    boolean operator = origin == Origin.OPERATOR ? valid.isOperator() : existing.operator();
                    if (!operator && Scopes.parse(valid.scope()).contains(io.latchkey.common.trust.OperatorIdentity.ADMIN_SCOPE)) {
                        throw OAuthError.INVALID_CLIENT_METADATA.with("The scope admin is only for operator clients.");
                    }
                    return repository.updateMetadata(toClient(clientId, valid, existing.secretHash(), operator, existing.owner()));
                })
                .map(ClientRegistry::existing)
                .call(c -> changes.announce(new ClientChange(ClientChange.Kind.UPDATED, clientId)));
    }

    /** A new secret, shown once; the previous one keeps working for {@code latchkey.clients.secret-rotation-overlap}. */
    public Uni<Registered> rotateSecret(String clientId) {
        String secret = Secrets.random(SECRET_BYTES);
        return find(clientId)
                .chain(existing -> {
                    if (existing.isPublic()) {
                        throw OAuthError.INVALID_REQUEST.with("A public client has no secret to rotate.");
                    }
                    return repository.rotateSecret(clientId, Secrets.sha256(secret), Instant.now().plus(rotationOverlap));
                })
                .map(ClientRegistry::existing)
                .call(c -> changes.announce(new ClientChange(ClientChange.Kind.SECRET_ROTATED, clientId)))
                .map(c -> new Registered(c, secret));
    }

    /** Disables the client and revokes all its grants (its tokens stop working everywhere within a second). */
    public Uni<Client> disable(String clientId) {
        return revokeAnd(clientId, ClientChange.Kind.DISABLED);
    }

    /** RFC 7592 §2.3: deletes the client; like disabling, all its grants are revoked. */
    public Uni<Client> delete(String clientId) {
        return revokeAnd(clientId, ClientChange.Kind.DELETED);
    }

    /** Enables the client again; the tokens revoked when it was disabled stay revoked. */
    public Uni<Client> enable(String clientId) {
        return transactions.inTransaction(conn -> repository.setDisabled(conn, clientId, false))
                .map(ClientRegistry::existing)
                .call(c -> changes.announce(new ClientChange(ClientChange.Kind.ENABLED, clientId)));
    }

    private Uni<Client> revokeAnd(String clientId, ClientChange.Kind kind) {
        Instant now = Instant.now();
        record Done(Client client, ClientRevocation.Revoked revoked) {
        }
        return transactions.inTransaction(conn -> (kind == ClientChange.Kind.DELETED
                                ? repository.markDeleted(conn, clientId) : repository.setDisabled(conn, clientId, true))
                        .map(ClientRegistry::existing)
                        .chain(c -> revocation.record(conn, clientId, now).map(r -> new Done(c, r))))
                .call(done -> revocation.announce(done.revoked()))
                .call(done -> changes.announce(new ClientChange(kind, clientId)))
                .invoke(done -> LOG.infof("Client %s %s: %d refresh token(s) revoked", clientId, kind.wire(),
                        done.revoked().refreshTokensRevoked()))
                .map(Done::client);
    }

    private static Client existing(Client c) {
        if (c == null) {
            throw OAuthError.NOT_FOUND.with("No such client.");
        }
        return c;
    }

    private static Client toClient(String clientId, ClientMetadata m, byte[] secretHash, boolean operatorOverride,
                                   String ownerOverride) {
        boolean confidential = !ClientMetadataRules.AUTH_NONE.equals(m.tokenEndpointAuthMethod());
        return new Client(clientId, m.clientName(),
                confidential ? Client.ClientType.CONFIDENTIAL : Client.ClientType.PUBLIC, secretHash,
                m.redirectUris(), new LinkedHashSet<>(m.grantTypes()), Scopes.parse(m.scope()), m.clientUri(),
                m.logoUri(), false, false, false, true, List.of(), m.isOperator() || operatorOverride, m.tokenEndpointAuthMethod(),
                m.contacts(), ownerOverride != null ? ownerOverride : m.owner(), null, null, null);
    }

    /** A server-chosen client id: 20 random lower-case letters and digits (103 bits), never UUID-shaped. */
    private static String newClientId() {
        char[] id = new char[20];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }
}
