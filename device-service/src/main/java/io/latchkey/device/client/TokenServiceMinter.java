package io.latchkey.device.client;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.latchkey.common.OAuthParams;
import io.latchkey.common.contract.TokenMintRequest;
import io.latchkey.device.config.DeviceServiceConfig;
import io.latchkey.device.device.PollOutcome;
import io.smallrye.mutiny.Uni;

/** Asks token-service to mint the tokens of an approved device authorization. */
@ApplicationScoped
public class TokenServiceMinter {

    private final TokenServiceApi tokenService;
    private final String internalSecret;

    public TokenServiceMinter(@RestClient TokenServiceApi tokenService, DeviceServiceConfig config) {
        this.tokenService = tokenService;
        this.internalSecret = config.internal().secret();
    }

    /** The RFC 6749 §5.1 token response JSON, as token-service wrote it. */
    public Uni<String> mint(String clientId, PollOutcome approved) {
        return tokenService.mint(internalSecret, new TokenMintRequest(clientId, approved.subject(), approved.scope(),
                approved.grantId(), OAuthParams.GRANT_DEVICE_CODE, approved.identity(), approved.session()));
    }
}
