package io.latchkey.gateway.bearer;

import java.security.PublicKey;

/** One public key from the JWKS, with the only algorithm it may verify (RFC 8725 §3.1). */
public record VerificationKey(String kid, String alg, PublicKey key) {
}
