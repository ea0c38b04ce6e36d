package io.latchkey.device.store;

import io.latchkey.device.device.UserApproval;
import io.latchkey.device.device.Decision;
import io.latchkey.device.device.DeviceAuthorization;
import io.latchkey.device.device.PollOutcome;
import io.smallrye.mutiny.Uni;

/**
 * Device authorizations, addressed only by hashes of their codes. Every operation is one atomic round trip.
 * {@code now} is epoch milliseconds supplied by the caller.
 */
public interface DeviceAuthorizationStore {

    /** Stores a new pending authorization; {@code false} when the user code is already taken. */
    Uni<Boolean> create(String deviceCodeHash, String userCodeHash, DeviceAuthorization authorization, long ttlMillis);

    /**
     * Checks the authorization a device polls for; on approval this poll alone claims it for {@code leaseMillis}
     * (then {@link #consume} after minting, or {@link #release} when minting failed).
     */
    Uni<PollOutcome> poll(String deviceCodeHash, String clientId, boolean clientAuthenticated, long now,
            long toleranceMillis, long leaseMillis);

    /** The tokens were minted: the authorization is gone (later polls get invalid_grant). */
    Uni<Void> consume(String deviceCodeHash);

    /** Minting failed: the approval is kept for the next poll. */
    Uni<Void> release(String deviceCodeHash);

    /** The pending, unexpired authorization behind a user code, or {@code null}. */
    Uni<DeviceAuthorization> findPendingByUserCode(String userCodeHash, long now);

    Uni<Decision> approve(String userCodeHash, UserApproval approval, long now);

    Uni<Decision> deny(String userCodeHash, long now);
}
