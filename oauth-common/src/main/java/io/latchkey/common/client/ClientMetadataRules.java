package io.latchkey.common.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.latchkey.common.OAuthParams;
import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;
import io.latchkey.common.trust.OperatorIdentity;

/**
 * The registration rules for OAuth clients (RFC 7591 §2, RFC 9700 §2.6 / §4.1, RFC 8252 §7), the one place they are
 * written: token-service applies them to every client it creates or updates (admin API, {@code /internal/clients});
 * consent-service applies {@link #redirectUriProblem} to the partner application form before it sends anything.
 * Violations are RFC 7591 §3.2.2 errors: {@code invalid_redirect_uri} or {@code invalid_client_metadata} (400).
 *
 * <p>A client is <em>native</em> (a public client, {@code token_endpoint_auth_method=none}) or <em>confidential</em>.
 * Redirect URIs: absolute, no fragment, no wildcard, no user info; {@code https}; {@code http} only on a loopback IP
 * literal ({@code 127.0.0.1}, {@code [::1]}) and only for native clients; private-use schemes (reverse domain name,
 * e.g. {@code com.example.app:/cb}) only for native clients.
 */
public final class ClientMetadataRules {

    public static final String AUTH_NONE = "none";
    public static final String AUTH_BASIC = "client_secret_basic";
    public static final String AUTH_POST = "client_secret_post";
    public static final Set<String> AUTH_METHODS = Set.of(AUTH_NONE, AUTH_BASIC, AUTH_POST);
    public static final Set<String> GRANT_TYPES = Set.of(OAuthParams.GRANT_AUTHORIZATION_CODE,
            OAuthParams.GRANT_REFRESH_TOKEN, OAuthParams.GRANT_CLIENT_CREDENTIALS, OAuthParams.GRANT_DEVICE_CODE);

    public static final int MAX_URI = 2048;
    public static final int MAX_NAME = 200;
    public static final int MAX_CONTACT = 320;
    /** Operator-chosen client ids: short, URL- and form-safe. */
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");
    private static final Pattern UUID_LIKE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** RFC 8252 §7.1: a private-use scheme is a reverse domain name. */
    private static final Pattern PRIVATE_SCHEME = Pattern.compile("[a-z][a-z0-9+-]*(\\.[a-z0-9+-]+)+");
    /** Schemes that run or read something where they land: never a redirect target. */
    private static final Set<String> FORBIDDEN_SCHEMES = Set.of("javascript", "data", "file", "vbscript", "about",
            "blob", "filesystem", "view-source", "ws", "wss", "ftp", "mailto", "tel");

    private ClientMetadataRules() {
    }

    /**
     * Checks every rule and fills in the RFC 7591 §2 defaults ({@code client_secret_basic},
     * {@code ["authorization_code"]}, {@code response_types} from the grants).
     *
     * @param knownScopes the scopes the platform knows ({@code latchkey.scopes}); {@value OperatorIdentity#ADMIN_SCOPE}
     *                    is known too, for operator clients only
     * @return the metadata as it will be registered (lists never null, scope normalised)
     * @throws OAuthException {@code invalid_redirect_uri} or {@code invalid_client_metadata}
     */
    public static ClientMetadata validate(ClientMetadata m, Set<String> knownScopes) {
        if (m == null) {
            throw metadata("The body must be a JSON object of client metadata.");
        }
        if (m.clientId() != null) {
            checkClientId(m.clientId());
        }
        String name = text(m.clientName(), ClientMetadata.CLIENT_NAME, MAX_NAME);
        if (name == null || name.isBlank()) {
            throw metadata("client_name is required.");
        }
        // RFC 7591 §2: token_endpoint_auth_method defaults to client_secret_basic
        String method = m.tokenEndpointAuthMethod() == null ? AUTH_BASIC : m.tokenEndpointAuthMethod();
        if (!AUTH_METHODS.contains(method)) {
            throw metadata("token_endpoint_auth_method must be none, client_secret_basic or client_secret_post.");
        }
        boolean nativeApp = AUTH_NONE.equals(method);
        List<String> grants = grantTypes(m.grantTypes(), nativeApp);
        List<String> responseTypes = responseTypes(m.responseTypes(), grants);
        List<String> redirectUris = redirectUris(m.redirectUris(), grants, nativeApp);
        String scope = scope(m.scope(), knownScopes, m.isOperator());
        String clientUri = webUri(m.clientUri(), ClientMetadata.CLIENT_URI);
        String logoUri = webUri(m.logoUri(), ClientMetadata.LOGO_URI);
        List<String> contacts = contacts(m.contacts());
        String owner = text(m.owner(), ClientMetadata.OWNER, MAX_NAME);
        return new ClientMetadata(m.clientId(), name.strip(), redirectUris, grants, responseTypes, method, scope,
                clientUri, logoUri, contacts, owner, m.isOperator());
    }

    /**
     * Why {@code uri} cannot be registered, or null when it can: RFC 9700 §2.6 / §4.1 and RFC 8252 §7 (see the class
     * comment). For forms that show the problem next to the field.
     *
     * @param nativeApp a public client (native app, {@code token_endpoint_auth_method=none})
     */
    public static String redirectUriProblem(String uri, boolean nativeApp) {
        if (uri == null || uri.isEmpty()) {
            return "A redirect URI must not be empty.";
        }
        if (uri.length() > MAX_URI) {
            return "A redirect URI must be at most " + MAX_URI + " characters.";
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return "A redirect URI must not contain spaces, control or non-ASCII characters.";
            }
        }
        // RFC 9700 §4.1.3: exact matching only, so no wildcards (a pattern would be matched by attacker URIs too)
        if (uri.indexOf('*') >= 0) {
            return "A redirect URI must not contain wildcards.";
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return "A redirect URI must be a valid absolute URI.";
        }
        String scheme = parsed.getScheme();
        if (scheme == null || !parsed.isAbsolute()) {
            return "A redirect URI must be an absolute URI.";
        }
        // RFC 6749 §3.1.2: the redirection endpoint URI MUST NOT include a fragment component
        if (parsed.getRawFragment() != null || uri.indexOf('#') >= 0) {
            return "A redirect URI must not contain a fragment.";
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (FORBIDDEN_SCHEMES.contains(scheme)) {
            return "The scheme " + scheme + " cannot be a redirect URI.";
        }
        if (scheme.equals("https") || scheme.equals("http")) {
            String host = parsed.getHost();
            if (parsed.getRawAuthority() == null || host == null || host.isEmpty()) {
                return "A redirect URI must name a host.";
            }
            // RFC 9700 §4.1: user info in an authority is a classic way to disguise the real host
            if (parsed.getRawUserInfo() != null) {
                return "A redirect URI must not contain user information.";
            }
            if (scheme.equals("https")) {
                return null;
            }
            // RFC 9700 §2.6: http only for loopback redirects of native clients
            if (!nativeApp) {
                return "Only native apps may use http, and only on a loopback address; use https.";
            }
            // RFC 8252 §8.3: loopback IP literals, not "localhost"; RFC 8252 §7.3: the port may then vary
            if (!host.equals("127.0.0.1") && !host.equals("[::1]")) {
                return "An http redirect URI must use the loopback address 127.0.0.1 or [::1].";
            }
            return null;
        }
        // RFC 8252 §7.1: private-use URI schemes, for native apps only, in reverse domain name form
        if (!nativeApp) {
            return "Only native apps may use a private-use URI scheme; use https.";
        }
        if (!PRIVATE_SCHEME.matcher(scheme).matches()) {
            return "A private-use URI scheme must be a reverse domain name (e.g. com.example.app).";
        }
        // RFC 8252 §7.1: "com.example.app:/oauth2redirect" — a single slash, no authority
        if (parsed.getRawAuthority() != null) {
            return "A private-use URI scheme redirect must not have an authority (use com.example.app:/path).";
        }
        return null;
    }

    /** Throws {@code invalid_redirect_uri} unless {@code uri} may be registered. */
    public static void checkRedirectUri(String uri, boolean nativeApp) {
        String problem = redirectUriProblem(uri, nativeApp);
        if (problem != null) {
            // RFC 7591 §3.2.2: invalid_redirect_uri
            throw OAuthError.INVALID_REDIRECT_URI.with(problem);
        }
    }

    /** Throws {@code invalid_client_metadata} unless {@code id} is a client id an operator may choose. */
    public static void checkClientId(String id) {
        if (id == null || !CLIENT_ID.matcher(id).matches()) {
            throw metadata("client_id must be 3 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        // RFC 9700 §4.15: a client_id must not be confusable with a user's sub (users' subjects are UUIDs)
        if (UUID_LIKE.matcher(id).matches()) {
            throw metadata("client_id must not look like a user identifier.");
        }
    }

    private static List<String> grantTypes(List<String> requested, boolean nativeApp) {
        // RFC 7591 §2: grant_types defaults to ["authorization_code"]
        List<String> grants = new ArrayList<>(new LinkedHashSet<>(
                requested == null ? List.of(OAuthParams.GRANT_AUTHORIZATION_CODE) : requested));
        for (String g : grants) {
            if (!GRANT_TYPES.contains(g)) {
                throw metadata("Unsupported grant type: " + shown(g) + ".");
            }
        }
        // RFC 6749 §4.4: client_credentials is for confidential clients only
        if (nativeApp && grants.contains(OAuthParams.GRANT_CLIENT_CREDENTIALS)) {
            throw metadata("client_credentials needs a confidential client (token_endpoint_auth_method is none).");
        }
        // RFC 6749 §1.5: a refresh token is issued with another grant; refresh_token alone can never be used
        if (grants.contains(OAuthParams.GRANT_REFRESH_TOKEN)
                && !grants.contains(OAuthParams.GRANT_AUTHORIZATION_CODE)
                && !grants.contains(OAuthParams.GRANT_DEVICE_CODE)) {
            throw metadata("refresh_token needs authorization_code or device_code.");
        }
        return List.copyOf(grants);
    }

    private static List<String> responseTypes(List<String> requested, List<String> grants) {
        boolean code = grants.contains(OAuthParams.GRANT_AUTHORIZATION_CODE);
        List<String> expected = code ? List.of("code") : List.of();
        // RFC 7591 §2.1: response_types and grant_types must agree (code <-> authorization_code); RFC 9700 §2.1.2:
        // no implicit (token) response type
        if (requested != null && !new LinkedHashSet<>(requested).equals(new LinkedHashSet<>(expected))) {
            throw metadata(code ? "response_types must be [\"code\"] with authorization_code."
                    : "response_types must be empty without authorization_code.");
        }
        return expected;
    }

    private static List<String> redirectUris(List<String> requested, List<String> grants, boolean nativeApp) {
        List<String> uris = requested == null ? List.of() : List.copyOf(new LinkedHashSet<>(requested));
        boolean redirectFlow = grants.contains(OAuthParams.GRANT_AUTHORIZATION_CODE);
        // RFC 7591 §2: redirect-based flows MUST register redirect URIs (RFC 9700 §4.1.1: exact ones)
        if (redirectFlow && uris.isEmpty()) {
            throw OAuthError.INVALID_REDIRECT_URI.with("authorization_code needs at least one redirect URI.");
        }
        if (!redirectFlow && !uris.isEmpty()) {
            throw OAuthError.INVALID_REDIRECT_URI.with("redirect_uris are used only with authorization_code.");
        }
        for (String uri : uris) {
            checkRedirectUri(uri, nativeApp);
        }
        return uris;
    }

    private static String scope(String scope, Set<String> knownScopes, boolean operator) {
        if (scope == null || scope.isBlank()) {
            return "";
        }
        if (scope.length() > MAX_URI) {
            throw metadata("scope is too long.");
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String s : scope.strip().split(" +")) {
            boolean admin = OperatorIdentity.ADMIN_SCOPE.equals(s);
            if (admin && !operator) {
                // only operator clients can ever hold the admin scope
                throw metadata("The scope admin is only for operator clients.");
            }
            if (!admin && !knownScopes.contains(s)) {
                throw metadata("Unknown scope: " + shown(s) + ".");
            }
            scopes.add(s);
        }
        return String.join(" ", scopes);
    }

    private static String webUri(String uri, String member) {
        if (uri == null || uri.isEmpty()) {
            return null;
        }
        try {
            URI parsed = new URI(uri);
            if (uri.length() <= MAX_URI && "https".equalsIgnoreCase(parsed.getScheme()) && parsed.getHost() != null
                    && parsed.getRawUserInfo() == null && !hasControl(uri)) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // below
        }
        // RFC 7591 §2: client_uri and logo_uri are web pages/images the consent page links: https only
        throw metadata(member + " must be an https URL.");
    }

    private static List<String> contacts(List<String> contacts) {
        if (contacts == null) {
            return List.of();
        }
        for (String c : contacts) {
            if (c == null || c.length() > MAX_CONTACT || c.indexOf('@') < 1 || hasControl(c)
                    || c.indexOf(' ') >= 0) {
                throw metadata("contacts must be e-mail addresses.");
            }
        }
        return List.copyOf(new LinkedHashSet<>(contacts));
    }

    private static String text(String value, String member, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max || hasControl(value)) {
            throw metadata(member + " must be at most " + max + " printable characters.");
        }
        return value;
    }

    /** True when {@code s} holds a control character (C0, DEL, C1). */
    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                return true;
            }
        }
        return false;
    }

    /** A value as error descriptions may echo it: printable ASCII only, at most 64 characters. */
    private static String shown(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 64; i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '?');
        }
        return b.toString();
    }

    private static OAuthException metadata(String description) {
        // RFC 7591 §3.2.2: invalid_client_metadata
        return OAuthError.INVALID_CLIENT_METADATA.with(description);
    }
}
