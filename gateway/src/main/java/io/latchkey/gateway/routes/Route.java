package io.latchkey.gateway.routes;

import java.util.List;
import java.util.Set;

import io.latchkey.gateway.limit.Limit;

/**
 * One line of the {@link RouteTable}: a public path, how it matches, the service behind it, what the gateway
 * does on the way, on a {@link Kind#BEARER} route the scopes an access token needs there, and the rate limits
 * that count its requests ({@link Limit}, configured under {@code latchkey.rate-limit.*}).
 */
public record Route(String path, Match match, Service service, Kind kind, Set<String> requiredScopes,
                    List<Limit> limits) {

    public Route {
        requiredScopes = Set.copyOf(requiredScopes);
        limits = List.copyOf(limits);
    }

    public Route(String path, Match match, Service service, Kind kind, Set<String> requiredScopes) {
        this(path, match, service, kind, requiredScopes, List.of());
    }

    public Route(String path, Match match, Service service, Kind kind) {
        this(path, match, service, kind, Set.of());
    }

    /** This route, counted by {@code limits} as well. */
    public Route limitedBy(Limit... limits) {
        return new Route(path, match, service, kind, requiredScopes, List.of(limits));
    }

    public enum Match {
        /** Only this path. */
        EXACT,
        /** This path and everything below it ({@code /consent}, {@code /consent/...}). */
        WITH_SUB_PATHS,
        /** Everything that starts with this path, which ends with a slash ({@code /account/...}). */
        PREFIX
    }

    public enum Kind {
        /** Forwarded unchanged (apart from the edge headers). */
        FORWARD,
        /** {@code POST /oauth/token}: the service is chosen from the form's grant_type. */
        TOKEN_ENDPOINT,
        /** Rewritten to the service's own {@code /q/openapi}, query string kept. */
        OPENAPI_DOCUMENT,
        /**
         * A protected resource (RFC 6750): forwarded only with a valid, unrevoked access token carrying the route's
         * scopes; the service gets the verified identity in X-Latchkey-* headers instead of the token.
         */
        BEARER
    }

    /** The path pattern in Vert.x Web syntax (no regular expressions: matched by string comparison). */
    public String[] vertxPaths() {
        return switch (match) {
            case EXACT -> new String[] {path};
            case WITH_SUB_PATHS -> new String[] {path, path + "/*"};
            case PREFIX -> new String[] {path + "*"};
        };
    }
}
