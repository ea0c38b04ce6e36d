package io.latchkey.device.device;

/** What the device gets back from the device authorization endpoint (RFC 8628 §3.2), before formatting. */
public record IssuedCodes(String deviceCode, String userCode, int expiresIn, int interval) {

    @Override
    public String toString() {
        return "IssuedCodes[expiresIn=" + expiresIn + ", interval=" + interval + "]";
    }
}
