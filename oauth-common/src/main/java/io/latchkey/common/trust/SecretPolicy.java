package io.latchkey.common.trust;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a production secret must be: present, at least {@value #MIN_LENGTH} characters, not a value that was ever
 * written in this repository (config defaults, run.sh, the Kubernetes examples, tests), and not shared between two
 * jobs (one leaked secret must not open the other doors).
 */
public final class SecretPolicy {

    public static final int MIN_LENGTH = 32;

    /** Every secret value that appears in the repository's config, scripts and manifests. */
    static final Set<String> KNOWN_DEFAULTS = Set.of(
            "dev-internal-secret",
            "dev-identity-secret-0123456789abcdef",
            "dev-user-code-key-0123456789abcdef",
            "test-internal-secret",
            "local-dev-internal-secret-change-me",
            "dev-internal-secret-NOT-FOR-PRODUCTION",
            "dev-identity-secret-NOT-FOR-PRODUCTION",
            "dev-user-code-key-NOT-FOR-PRODUCTION",
            "REPLACE-ME-openssl-rand-base64-48",
            "change-me",
            "dev-admin-token",
            "local-dev-admin-token-change-me",
            "ZGV2LW9ubHkta2V5LWRvLW5vdC11c2UtaW4tcHJvZCE=",
            "bG9jYWwtZGV2LWtleS1lbmNyeXB0aW9uLWtleS0zMmI=");

    private SecretPolicy() {
    }

    /** One sentence per broken rule, naming the config key (never the value); empty when all is well. */
    public static List<String> problems(Map<String, Optional<String>> secretsByKey) {
        List<String> problems = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, Optional<String>> entry : secretsByKey.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue().map(String::trim).orElse("");
            if (value.isEmpty()) {
                problems.add(key + " is not set.");
                continue;
            }
            if (value.length() < MIN_LENGTH) {
                problems.add(key + " is shorter than " + MIN_LENGTH + " characters.");
            }
            if (isKnownDefault(value)) {
                problems.add(key + " is a default value published in the Latchkey repository.");
            }
            String other = seen.putIfAbsent(value, key);
            if (other != null) {
                problems.add(key + " has the same value as " + other + "; each secret must be different.");
            }
        }
        return problems;
    }

    static boolean isKnownDefault(String value) {
        if (KNOWN_DEFAULTS.contains(value)) {
            return true;
        }
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        // placeholders and obvious demo values in any spelling
        return lower.startsWith("replace-me") || lower.contains("change-me") || lower.contains("not-for-production");
    }
}
