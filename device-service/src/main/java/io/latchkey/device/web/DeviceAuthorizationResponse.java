package io.latchkey.device.web;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.latchkey.common.OAuthParams;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** RFC 8628 §3.2: the device authorization response (sent inside a Response, so registered for native). */
@RegisterForReflection
public record DeviceAuthorizationResponse(
        @JsonProperty(OAuthParams.DEVICE_CODE) String deviceCode,
        @JsonProperty(OAuthParams.USER_CODE) String userCode,
        @JsonProperty(OAuthParams.VERIFICATION_URI) String verificationUri,
        @JsonProperty(OAuthParams.VERIFICATION_URI_COMPLETE) String verificationUriComplete,
        @JsonProperty(OAuthParams.EXPIRES_IN) int expiresIn,
        @JsonProperty(OAuthParams.INTERVAL) int interval) {
}
