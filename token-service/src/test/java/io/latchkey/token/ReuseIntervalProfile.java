package io.latchkey.token;

import java.util.HashMap;
import java.util.Map;

/** A refresh-token reuse interval of 30 s (latchkey.token.refresh-reuse-interval). */
public class ReuseIntervalProfile extends TokenServiceProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> m = new HashMap<>(super.getConfigOverrides());
        m.put("latchkey.token.refresh-reuse-interval", "PT30S");
        return m;
    }
}
