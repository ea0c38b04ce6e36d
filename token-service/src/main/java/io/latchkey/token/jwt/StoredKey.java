package io.latchkey.token.jwt;

import java.time.Instant;

/** A signing key row as stored: the private key still encrypted. */
record StoredKey(String kid, String alg, byte[] publicKey, byte[] encryptedPrivateKey, Instant createdAt,
                 Instant supersededAt, Instant retireAt) {
}
