package io.latchkey.device.device;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.latchkey.device.config.DeviceServiceConfig;

import io.latchkey.common.crypto.Secrets;

/**
 * How a user code is named in Redis. A user code has only ~34.5 bits (RFC 8628 §6.1), so a plain SHA-256 of it could
 * be reversed by anyone who can list Redis keys; a keyed HMAC cannot be, without the key. The key is its own secret
 * ({@code latchkey.device.user-code-key}), held by device-service alone: whoever holds the internal or the identity
 * secret still cannot name a user code's record.
 */
@ApplicationScoped
public class UserCodeHasher {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> mac;

    @Inject
    public UserCodeHasher(DeviceServiceConfig config) {
        this(config.device().userCodeKey());
    }

    public UserCodeHasher(Optional<String> userCodeKey) {
        String secret = userCodeKey.filter(k -> !k.isBlank())
                .orElseThrow(() -> new IllegalStateException("latchkey.device.user-code-key (LATCHKEY_USER_CODE_KEY) is not set"));
        this.key = new SecretKeySpec(Secrets.sha256(("latchkey user codes\u0000" + secret)
                .getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        this.mac = ThreadLocal.withInitial(this::newMac);
    }

    /** Base64url HMAC-SHA256 of the canonical (normalised) user code. */
    public String hash(String canonicalUserCode) {
        return B64.encodeToString(mac.get().doFinal(canonicalUserCode.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
