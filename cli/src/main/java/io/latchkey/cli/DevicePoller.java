package io.latchkey.cli;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.databind.JsonNode;

/** Polls the token endpoint with a device code until the user decides or the code expires (RFC 8628 §3.4–3.5). */
final class DevicePoller {

    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private final AuthServer server;
    private final Progress progress;
    private final RandomGenerator random;

    DevicePoller(AuthServer server, Progress progress, RandomGenerator random) {
        this.server = server;
        this.progress = progress;
        this.random = random;
    }

    /** The token response once approved; a {@link CliFailure} on deny, expiry or a refusal. */
    JsonNode poll(String tokenEndpoint, String clientId, String deviceCode, Duration interval, Instant deadline) {
        Map<String, String> form = new LinkedHashMap<>();
        // RFC 8628 §3.4: grant_type, device_code and (for a public client) client_id
        form.put("grant_type", DEVICE_GRANT);
        form.put("device_code", deviceCode);
        form.put("client_id", clientId);
        PollDecision.Next next = new PollDecision.Wait(interval, interval, 0, "waiting for approval in the browser");
        try {
            while (true) {
                if (next instanceof PollDecision.Tokens t) {
                    return t.body();
                }
                if (next instanceof PollDecision.Stop s) {
                    throw new CliFailure(s.exitCode(), s.message());
                }
                PollDecision.Wait w = (PollDecision.Wait) next;
                if (Instant.now().isAfter(deadline.plus(w.interval()))) {
                    // the server would answer expired_token (RFC 8628 §3.5); we could not reach it to hear so
                    throw new CliFailure(Exit.EXPIRED, "The code expired before it was approved. Run latchkey login again.");
                }
                progress.sleep(PollDecision.withJitter(w.delay(), random), deadline,
                        w.reason().startsWith("waiting") ? "waiting for approval in the browser" : w.reason());
                try {
                    AuthServer.Answer a = server.postForm(tokenEndpoint, form);
                    next = PollDecision.after(w.interval(), w.failures(), a.status(), a.json(), a.retryAfter());
                } catch (IOException e) {
                    next = PollDecision.afterNetworkError(w.interval(), w.failures(),
                            e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(Exit.ERROR, "Interrupted.");
        } finally {
            progress.done();
        }
    }
}
