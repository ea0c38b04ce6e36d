package io.latchkey.token;

import java.util.HashMap;
import java.util.Map;

/** The admin API tests: the demo seed with the operator client, and a secret-rotation overlap of 3 s. */
public class AdminClientsProfile extends TokenServiceProfile {

    static final String OPERATOR_SECRET = "operator-secret-for-the-admin-tests-0123456789";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> m = new HashMap<>(super.getConfigOverrides());
        m.put("latchkey.clients.secret-rotation-overlap", "PT3S");
        m.put("latchkey.seed.operator-secret", OPERATOR_SECRET);
        return m;
    }
}
