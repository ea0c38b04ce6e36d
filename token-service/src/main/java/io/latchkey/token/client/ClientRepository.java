package io.latchkey.token.client;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mutiny.core.buffer.Buffer;

/** OAuth clients in PostgreSQL (schema {@code token}), through the reactive client. */
@ApplicationScoped
public class ClientRepository {

    private static final String COLUMNS = "client_id, client_name, client_type, secret_hash, redirect_uris, "
            + "grant_types, scopes, homepage_uri, logo_uri, disabled, first_party, may_introspect, "
            + "refresh_without_offline_access, post_logout_redirect_uris";

    private final Pool pool;

    public ClientRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Client> findById(String clientId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM token.clients WHERE client_id = $1")
                .execute(Tuple.of(clientId))
                .map(rows -> rows.iterator().hasNext() ? toClient(rows.iterator().next()) : null);
    }

    public Uni<List<Client>> findAll() {
        return pool.query("SELECT " + COLUMNS + " FROM token.clients ORDER BY client_id")
                .execute()
                .map(rows -> {
                    List<Client> out = new java.util.ArrayList<>();
                    rows.forEach(r -> out.add(toClient(r)));
                    return out;
                });
    }

    /** Inserts the client unless one with that id exists; true when inserted. */
    public Uni<Boolean> insertIfAbsent(Client c) {
        return pool.preparedQuery("INSERT INTO token.clients (" + COLUMNS + ") VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) "
                        + "ON CONFLICT (client_id) DO NOTHING")
                .execute(Tuple.from(new Object[] {
                        c.clientId(), c.clientName(), c.clientType().wire(),
                        c.secretHash() == null ? null : io.vertx.core.buffer.Buffer.buffer(c.secretHash()),
                        c.redirectUris().toArray(String[]::new),
                        c.grantTypes().toArray(String[]::new),
                        c.scopes().toArray(String[]::new),
                        c.homepageUri(), c.logoUri(), c.disabled(), c.firstParty(), c.mayIntrospect(),
                        c.refreshWithoutOfflineAccess(), c.postLogoutRedirectUris().toArray(String[]::new) }))
                .map(RowSet::rowCount)
                .map(n -> n > 0);
    }

    private static Client toClient(Row r) {
        Buffer hash = r.getBuffer("secret_hash");
        return new Client(
                r.getString("client_id"),
                r.getString("client_name"),
                Client.ClientType.fromWire(r.getString("client_type")),
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
                List.of(r.getArrayOfStrings("post_logout_redirect_uris")));
    }
}
