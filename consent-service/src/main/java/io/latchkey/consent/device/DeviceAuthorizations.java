package io.latchkey.consent.device;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.latchkey.common.contract.DeviceApproval;
import io.latchkey.common.contract.PendingDeviceAuthorization;
import io.smallrye.mutiny.Uni;

/** Talks to device-service about one user code; turns its 404/409 answers into plain results. */
@ApplicationScoped
public class DeviceAuthorizations {

    /** What became of an approve or deny call. */
    public enum Outcome {
        DONE,
        /** 404 or 409: expired, unknown, or already decided. */
        GONE
    }

    private final DeviceServiceApi api;

    public DeviceAuthorizations(@RestClient DeviceServiceApi api) {
        this.api = api;
    }

    /** The authorization for this code, or null when unknown or expired. */
    public Uni<PendingDeviceAuthorization> find(String userCode) {
        return api.find(userCode)
                .onFailure(e -> status(e) == 404).recoverWithNull();
    }

    public Uni<Outcome> approve(String userCode, DeviceApproval approval) {
        return outcome(api.approve(userCode, approval));
    }

    public Uni<Outcome> deny(String userCode) {
        return outcome(api.deny(userCode));
    }

    private static Uni<Outcome> outcome(Uni<Void> call) {
        return call.map(ignored -> Outcome.DONE)
                .onFailure(e -> status(e) == 404 || status(e) == 409).recoverWithItem(Outcome.GONE);
    }

    private static int status(Throwable e) {
        return e instanceof WebApplicationException w && w.getResponse() != null ? w.getResponse().getStatus() : -1;
    }
}
