package io.latchkey.common;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import io.latchkey.common.error.OAuthError;

/** RFC 6749 §3.3 scope strings: space-delimited, case-sensitive, order-free. */
public final class Scopes {

    private Scopes() {
    }

    public static Set<String> parse(String scope) {
        if (scope == null || scope.isBlank()) {
            return Collections.emptySet();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String s : scope.trim().split(" +")) {
            // RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E )
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x21 || c == 0x22 || c == 0x5C || c > 0x7E) {
                    throw OAuthError.INVALID_SCOPE.with("Malformed scope.");
                }
            }
            out.add(s);
        }
        return out;
    }

    public static String format(Set<String> scopes) {
        return String.join(" ", scopes);
    }
}
