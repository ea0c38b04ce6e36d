package io.latchkey.gateway.routes;

/**
 * One line of the {@link RouteTable}: a public path, how it matches, the service behind it and what the gateway
 * does on the way.
 */
public record Route(String path, Match match, Service service, Kind kind) {

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
        OPENAPI_DOCUMENT
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
