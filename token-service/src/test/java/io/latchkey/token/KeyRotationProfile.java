package io.latchkey.token;

import java.util.HashMap;
import java.util.Map;

/** Scheduled rotation in fast motion: a key is due after 3 s, and the scheduler checks every second. */
public class KeyRotationProfile extends TokenServiceProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> m = new HashMap<>(super.getConfigOverrides());
        m.put("latchkey.keys.rotation-interval", "PT3S");
        m.put("latchkey.keys.reload-interval", "1s");
        return m;
    }
}
