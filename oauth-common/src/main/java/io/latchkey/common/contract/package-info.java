/**
 * The internal contracts between Latchkey's services, defined once and used by both sides of each call
 * (docs/internal-api.md): the request and response records of every {@code /internal/} route (the server resource
 * returns or reads the record; the peer's REST client reads or sends the same record), the message formats on Redis
 * channels two services share ({@link io.latchkey.common.contract.RevocationNews}).
 *
 * <p>Elsewhere in oauth-common, referenced here so there is one list: the header names between hops are
 * {@link io.latchkey.common.trust.TrustHeaders} ({@code X-Latchkey-Internal} and the identity headers); the
 * revocation channels are {@link io.latchkey.common.revocation.RevocationKind#channel}, the client-change channel and
 * message {@link io.latchkey.common.client.ClientChange}; the revocation list of {@code GET /internal/revocations} is
 * {@link io.latchkey.common.revocation.RevocationList}; the OIDC identity carried with codes and device approvals is
 * {@link io.latchkey.common.oidc.Identity}; client metadata (RFC 7591) sent to {@code /internal/clients} is
 * {@link io.latchkey.common.client.ClientMetadata}.
 */
package io.latchkey.common.contract;
