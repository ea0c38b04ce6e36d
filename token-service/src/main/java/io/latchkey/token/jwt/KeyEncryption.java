package io.latchkey.token.jwt;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.latchkey.token.config.TokenServiceConfig;


/**
 * Encrypts signing private keys at rest with AES-256-GCM under a key from the environment
 * ({@code latchkey.keys.encryption-key}, a Kubernetes Secret in production). Stored form: nonce(12) || ciphertext+tag.
 */
@ApplicationScoped
public class KeyEncryption {

    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public KeyEncryption(TokenServiceConfig config) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(config.keys().encryptionKey().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("latchkey.keys.encryption-key is not valid base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("latchkey.keys.encryption-key must be 32 bytes (base64), got " + raw.length);
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public byte[] encrypt(byte[] plaintext, String associatedData) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(associatedData.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + ct.length).put(nonce).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Key encryption failed", e);
        }
    }

    public byte[] decrypt(byte[] stored, String associatedData) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, stored, 0, NONCE_BYTES));
            c.updateAAD(associatedData.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return c.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt a signing key: wrong latchkey.keys.encryption-key?");
        }
    }
}
