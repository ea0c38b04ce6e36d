package io.latchkey.token.internal;

import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.latchkey.common.internal.InternalApi;
import io.latchkey.common.revocation.RevocationList;
import io.latchkey.token.revocation.RevocationRepository;
import io.smallrye.mutiny.Uni;

/**
 * The durable revocation record for the gateways (docs/internal-api.md, "Revocations"): every revoked grant, refresh
 * token family and access token that can still deny a live token, each with the time it may be forgotten. A gateway
 * loads it on start and on every Redis (re)connect, so a Redis wipe or restart brings nothing back.
 */
@InternalApi
@Path("/internal/revocations")
public class InternalRevocationResource {

    private final RevocationRepository revocations;

    public InternalRevocationResource(RevocationRepository revocations) {
        this.revocations = revocations;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every still-relevant revocation (grants, refresh-token families, access-token jtis)")
    public Uni<String> list() {
        return revocations.live(Instant.now()).map(RevocationList::toJson);
    }
}
