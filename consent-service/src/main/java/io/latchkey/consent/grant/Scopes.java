package io.latchkey.consent.grant;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** RFC 6749 §3.3: a scope is a space-delimited, case-sensitive list of tokens, order irrelevant. */
public final class Scopes {

    private Scopes() {
    }

    public static Set<String> parse(String scope) {
        Set<String> out = new LinkedHashSet<>();
        if (scope != null) {
            for (String token : scope.trim().split(" +")) {
                if (!token.isEmpty()) {
                    out.add(token);
                }
            }
        }
        return out;
    }

    public static String join(Collection<String> scopes) {
        return String.join(" ", scopes);
    }
}
