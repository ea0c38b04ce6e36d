package io.latchkey.common.contract;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body of consent-service {@code POST /internal/audit-events} (docs/internal-api.md): an admin action another service
 * (token-service's admin API) reports to the audit trail consent-service owns; 204 once stored. consent-service reads
 * it strictly: only {@link #FIELDS}, none twice, at most {@link #MAX_BODY} bytes, {@code detail} at most
 * {@link #MAX_DETAIL} characters. Never a secret in {@code detail}.
 *
 * @param kind     e.g. {@code client.disabled}; matches {@code [a-z][a-z0-9_.]{0,63}}
 * @param actor    the operator token's {@code sub} (or its {@code client_id})
 * @param clientId the client acted on, or null
 * @param userId   the user acted on (a UUID), or null
 * @param ip       the caller's address ({@code X-Latchkey-Client-IP}), or null
 * @param detail   a JSON object, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@RegisterForReflection // token-service writes it with Vert.x JSON (Jackson), also in a native image
public record AuditEventReport(@JsonProperty("kind") String kind,
                               @JsonProperty("actor") String actor,
                               @JsonProperty("client_id") String clientId,
                               @JsonProperty("user_id") String userId,
                               @JsonProperty("ip") String ip,
                               @JsonProperty("detail") Map<String, Object> detail) {

    /** Every member on the wire; anything else is 400 {@code invalid_request}. */
    public static final Set<String> FIELDS = Set.of("kind", "actor", "client_id", "user_id", "ip", "detail");
    public static final int MAX_BODY = 8192;
    public static final int MAX_DETAIL = 4096;
}
