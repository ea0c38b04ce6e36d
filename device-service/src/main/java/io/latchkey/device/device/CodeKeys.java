package io.latchkey.device.device;

/**
 * What the store knows of a device code: the locator of its record (shared with the user code, {@link DeviceCodes})
 * and the SHA-256 of the whole code, which the record holds and every device-code operation must match.
 */
public record CodeKeys(String locator, byte[] deviceCodeHash) {

    @Override
    public String toString() {
        return "CodeKeys[locator=" + locator + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodeKeys k && locator.equals(k.locator) && java.util.Arrays.equals(deviceCodeHash, k.deviceCodeHash);
    }

    @Override
    public int hashCode() {
        return locator.hashCode();
    }
}
