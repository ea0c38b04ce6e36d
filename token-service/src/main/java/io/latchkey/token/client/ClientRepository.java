package io.latchkey.token.client;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.common.KeysetPage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * OAuth clients in PostgreSQL (schema {@code token}), through the reactive client. A deleted client keeps its row
 * ({@code deleted_at}; its refresh tokens reference it and its id is never reused) and is invisible to every read.
 */
@ApplicationScoped
public class ClientRepository {

    private static final String COLUMNS = "client_id, client_name, client_type, secret_hash, redirect_uris, "
            + "grant_types, scopes, homepage_uri, logo_uri, disabled, first_party, may_introspect, operator, "
            + "token_endpoint_auth_method, contacts, owner, previous_secret_hash, previous_secret_expires_at, created_at, "
            + "refresh_without_offline_access, post_logout_redirect_uris";

    /** One page of a listing, in client_id order, with the cursor of the next page (null on the last). */
    public record Page(List<Client> clients, String nextCursor) {
    }

    /** Listing filters; null means "any". {@code query} matches a substring of the id or name, case-insensitively. */
    public record Filter(String owner, String query, Boolean disabled) {
    }

    private final Pool pool;

    public ClientRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Client> findById(String clientId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM token.clients WHERE client_id = $1 AND deleted_at IS NULL")
                .execute(Tuple.of(clientId))
                .map(rows -> rows.iterator().hasNext() ? toClient(rows.iterator().next()) : null);
    }

    /** Keyset pagination: clients whose id sorts after {@code cursor} (null: from the start), at most {@code limit}. */
    public Uni<Page> page(String cursor, int limit, Filter filter) {
        String like = filter.query() == null ? null
                : "%" + filter.query().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM token.clients WHERE deleted_at IS NULL "
                        + "AND ($1::text IS NULL OR client_id > $1) AND ($2::text IS NULL OR owner = $2) "
                        + "AND ($3::text IS NULL OR client_id ILIKE $3 OR client_name ILIKE $3) "
                        + "AND ($4::boolean IS NULL OR disabled = $4) ORDER BY client_id LIMIT $5")
                .execute(Tuple.from(new Object[] {cursor, filter.owner(), like, filter.disabled(), limit + 1}))
                .map(rows -> {
                    List<Client> out = new ArrayList<>();
                    rows.forEach(r -> out.add(toClient(r)));
                    // the cursor of the next page is the last client_id shown (oauth-common KeysetPage)
                    KeysetPage.Slice<Client> slice = new KeysetPage(cursor, limit).slice(out, Client::clientId);
                    return new Page(slice.items(), slice.nextCursor());
                });
    }

    public Uni<List<Client>> findAll() {
        return page(null, 10_000, new Filter(null, null, null)).map(Page::clients);
    }

    /** Inserts the client unless one with that id exists (or existed: deleted ids stay taken); true when inserted. */
    public Uni<Boolean> insertIfAbsent(Client c) {
        return pool.preparedQuery("INSERT INTO token.clients (" + COLUMNS + ") VALUES "
                        + "($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,COALESCE($19, now()),$20,$21) "
                        + "ON CONFLICT (client_id) DO NOTHING")
                .execute(Tuple.from(new Object[] {
                        c.clientId(), c.clientName(), c.clientType().wire(), bytea(c.secretHash()),
                        c.redirectUris().toArray(String[]::new),
                        c.grantTypes().toArray(String[]::new),
                        c.scopes().toArray(String[]::new),
                        c.homepageUri(), c.logoUri(), c.disabled(), c.firstParty(), c.mayIntrospect(), c.operator(),
                        c.authMethod(), c.contacts().toArray(String[]::new), c.owner(), bytea(c.previousSecretHash()),
                        utc(c.previousSecretExpiresAt()), utc(c.createdAt()),
                        c.refreshWithoutOfflineAccess(), c.postLogoutRedirectUris().toArray(String[]::new) }))
                .map(RowSet::rowCount)
                .map(n -> n > 0);
    }

    /**
     * RFC 7592 §2.2: replaces the registered metadata (not the secret, type, owner or flags an operator set
     * elsewhere). Returns the client as stored, or null when there is no such client.
     */
    public Uni<Client> updateMetadata(Client c) {
        return pool.preparedQuery("UPDATE token.clients SET client_name = $2, redirect_uris = $3, grant_types = $4, "
                        + "scopes = $5, homepage_uri = $6, logo_uri = $7, token_endpoint_auth_method = $8, contacts = $9, "
                        + "operator = $10, updated_at = now() WHERE client_id = $1 AND deleted_at IS NULL RETURNING " + COLUMNS)
                .execute(Tuple.from(new Object[] {c.clientId(), c.clientName(), c.redirectUris().toArray(String[]::new),
                        c.grantTypes().toArray(String[]::new), c.scopes().toArray(String[]::new), c.homepageUri(),
                        c.logoUri(), c.authMethod(), c.contacts().toArray(String[]::new), c.operator()}))
                .map(ClientRepository::firstOrNull);
    }

    /** The new secret takes over; the current one stays valid until {@code previousValidUntil}. Null: no such client. */
    public Uni<Client> rotateSecret(String clientId, byte[] newHash, Instant previousValidUntil) {
        return pool.preparedQuery("UPDATE token.clients SET previous_secret_hash = secret_hash, "
                        + "previous_secret_expires_at = $3, secret_hash = $2, updated_at = now() "
                        + "WHERE client_id = $1 AND deleted_at IS NULL AND client_type = 'confidential' RETURNING " + COLUMNS)
                .execute(Tuple.of(clientId, bytea(newHash), utc(previousValidUntil)))
                .map(ClientRepository::firstOrNull);
    }

    /** Disables or enables the client, in the caller's transaction. Null: no such client. */
    public Uni<Client> setDisabled(SqlConnection conn, String clientId, boolean disabled) {
        return conn.preparedQuery("UPDATE token.clients SET disabled = $2, updated_at = now() "
                        + "WHERE client_id = $1 AND deleted_at IS NULL RETURNING " + COLUMNS)
                .execute(Tuple.of(clientId, disabled))
                .map(ClientRepository::firstOrNull);
    }

    /** RFC 7592 §2.3: deletes (disables and hides) the client, in the caller's transaction. Null: no such client. */
    public Uni<Client> markDeleted(SqlConnection conn, String clientId) {
        return conn.preparedQuery("UPDATE token.clients SET disabled = TRUE, deleted_at = now(), updated_at = now(), "
                        + "previous_secret_hash = NULL "
                        + "WHERE client_id = $1 AND deleted_at IS NULL RETURNING " + COLUMNS)
                .execute(Tuple.of(clientId))
                .map(ClientRepository::firstOrNull);
    }

    private static Client firstOrNull(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? toClient(rows.iterator().next()) : null;
    }

    private static io.vertx.core.buffer.Buffer bytea(byte[] b) {
        return b == null ? null : io.vertx.core.buffer.Buffer.buffer(b);
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }

    private static Client toClient(Row r) {
        Buffer hash = r.getBuffer("secret_hash");
        Buffer previous = r.getBuffer("previous_secret_hash");
        Client.ClientType type = Client.ClientType.fromWire(r.getString("client_type"));
        String method = r.getString("token_endpoint_auth_method");
        return new Client(
                r.getString("client_id"),
                r.getString("client_name"),
                type,
                hash == null ? null : hash.getBytes(),
                List.of(r.getArrayOfStrings("redirect_uris")),
                new LinkedHashSet<>(Arrays.asList(r.getArrayOfStrings("grant_types"))),
                new LinkedHashSet<>(Arrays.asList(r.getArrayOfStrings("scopes"))),
                r.getString("homepage_uri"),
                r.getString("logo_uri"),
                r.getBoolean("disabled"),
                r.getBoolean("first_party"),
                r.getBoolean("may_introspect"),
                r.getBoolean("refresh_without_offline_access"),
                List.of(r.getArrayOfStrings("post_logout_redirect_uris")),
                r.getBoolean("operator"),
                method != null ? method : type == Client.ClientType.PUBLIC ? "none" : "client_secret_basic",
                List.of(r.getArrayOfStrings("contacts")),
                r.getString("owner"),
                previous == null ? null : previous.getBytes(),
                instant(r, "previous_secret_expires_at"),
                instant(r, "created_at"));
    }
}
