package io.latchkey.consent.grant;

import io.latchkey.common.Scopes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Plain-words descriptions of scopes for consent pages; unknown scopes are shown verbatim. */
public final class ScopeCatalogue {

    /** One line of a consent page. {@code known} is false for a scope without a description. */
    public record ScopeLine(String scope, String description, boolean known) {
    }

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "openid", "Confirm who you are on Latchkey",
            "profile", "See your name and email address",
            "email", "See your email address",
            "offline_access", "Keep this access while you are away, until you remove it",
            "db:read", "Read your databases and their data",
            "db:write", "Create, change and delete your databases and their data",
            "admin", "Administer Latchkey as an operator: manage users, partner apps, clients and keys");

    private ScopeCatalogue() {
    }

    public static List<ScopeLine> describe(String scope) {
        List<ScopeLine> lines = new ArrayList<>();
        for (String s : Scopes.parse(scope)) {
            String d = DESCRIPTIONS.get(s);
            lines.add(new ScopeLine(s, d == null ? s : d, d != null));
        }
        return lines;
    }
}
