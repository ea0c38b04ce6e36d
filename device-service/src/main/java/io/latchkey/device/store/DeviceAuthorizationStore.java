package io.latchkey.device.store;

import io.latchkey.device.device.CodeKeys;
import io.latchkey.device.device.Decision;
import io.latchkey.device.device.DeviceAuthorization;
import io.latchkey.device.device.PollOutcome;
import io.latchkey.device.device.UserApproval;
import io.smallrye.mutiny.Uni;

/**
 * Device authorizations, one record per code pair, named by the user code's HMAC and opened by the device code's
 * SHA-256 ({@link CodeKeys}). Every operation is one atomic round trip. {@code now} is epoch milliseconds supplied
 * by the caller.
 */
public interface DeviceAuthorizationStore {

    /**
     * Stores a new pending authorization; {@code false} when the user code is already taken. {@code reserve}: count
     * it against the client's cap on outstanding codes (false on a retry with a new user code: the first attempt
     * already counted it).
     */
    Uni<Boolean> create(CodeKeys keys, DeviceAuthorization authorization, long ttlMillis, boolean reserve);

    /**
     * Checks the authorization a device polls for; on approval this poll alone claims it for {@code leaseMillis}
     * (then {@link #consume} after minting, or {@link #release} when minting failed).
     */
    Uni<PollOutcome> poll(CodeKeys keys, String clientId, boolean clientAuthenticated, long now,
            long toleranceMillis, long leaseMillis);

    /** The tokens were minted: the authorization is gone (later polls get invalid_grant). */
    Uni<Void> consume(CodeKeys keys);

    /** Minting failed: the approval is kept for the next poll. */
    Uni<Void> release(CodeKeys keys);

    /** The pending, unexpired authorization behind a user code, or {@code null}. */
    Uni<DeviceAuthorization> findPendingByUserCode(String userCodeHash, long now);

    Uni<Decision> approve(String userCodeHash, UserApproval approval, long now);

    Uni<Decision> deny(String userCodeHash, long now);
}
