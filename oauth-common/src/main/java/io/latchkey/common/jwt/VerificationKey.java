package io.latchkey.common.jwt;

import java.security.PublicKey;

/** One public key of the issuer's key set, with the only algorithm it may verify (RFC 8725 §3.1). */
public record VerificationKey(String kid, String alg, PublicKey key) {
}
