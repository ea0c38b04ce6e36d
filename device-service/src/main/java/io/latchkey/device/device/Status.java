package io.latchkey.device.device;

/** Where a device authorization stands (RFC 8628 §3.3: the user approves or denies). */
public enum Status {
    PENDING("p", "pending"),
    APPROVED("a", "approved"),
    DENIED("d", "denied");

    private final String stored;
    private final String wire;

    Status(String stored, String wire) {
        this.stored = stored;
        this.wire = wire;
    }

    /** The one-letter form kept in Redis. */
    public String stored() {
        return stored;
    }

    /** The name used in JSON. */
    public String wire() {
        return wire;
    }

    public static Status fromStored(String s) {
        for (Status st : values()) {
            if (st.stored.equals(s)) {
                return st;
            }
        }
        throw new IllegalArgumentException("Unknown status " + s);
    }
}
