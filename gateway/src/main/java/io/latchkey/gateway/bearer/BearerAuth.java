package io.latchkey.gateway.bearer;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.latchkey.common.jwt.VerifiedAccessToken;
import io.latchkey.common.trust.TrustHeaders;
import io.latchkey.gateway.edge.EdgeResponses;
import io.latchkey.gateway.proxy.BufferedBody;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * RFC 6750 on one protected route: takes the bearer token from the Authorization header (the only method accepted),
 * verifies it, checks the route's scopes, and forwards the verified identity instead of the token. Runs after
 * {@code ForwardingHeaders}, which has already dropped every inbound X-Latchkey-* header.
 */
public final class BearerAuth implements ProxyInterceptor {

    public static final CharSequence SUBJECT = HttpHeaders.createOptimized(TrustHeaders.SUBJECT);
    public static final CharSequence CLIENT_ID = HttpHeaders.createOptimized(TrustHeaders.CLIENT_ID);
    public static final CharSequence SCOPE = HttpHeaders.createOptimized(TrustHeaders.SCOPE);
    public static final CharSequence GRANT_ID = HttpHeaders.createOptimized(TrustHeaders.GRANT_ID);
    private static final CharSequence WWW_AUTHENTICATE = HttpHeaders.createOptimized("WWW-Authenticate");
    private static final String REALM = "Bearer realm=\"latchkey\"";

    private final BearerProtection protection;
    private final Set<String> requiredScopes;
    private final String scopeAttribute;

    public BearerAuth(BearerProtection protection, Set<String> requiredScopes) {
        this.protection = protection;
        this.requiredScopes = requiredScopes;
        this.scopeAttribute = String.join(" ", new TreeSet<>(requiredScopes));
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
        HttpServerRequest inbound = ctx.request().proxiedRequest();
        String token;
        try {
            token = bearerToken(inbound);
        } catch (BearerFailure f) {
            return Future.succeededFuture(refuse(ctx, f));
        }
        if (!protection.live()) {
            return Future.succeededFuture(refuse(ctx,
                    BearerFailure.unavailable("Revocations cannot be checked right now; retry shortly.")));
        }
        return protection.verification().verify(token).transform(verified -> {
            if (verified.failed()) {
                return Future.succeededFuture(refuse(ctx, verified.cause() instanceof BearerFailure f ? f
                        : BearerFailure.unavailable("The token cannot be checked right now; retry shortly.")));
            }
            VerifiedAccessToken t = verified.result();
            // RFC 6750 §3.1: a valid token without the scope this resource requires gets insufficient_scope
            if (!t.scopes().containsAll(requiredScopes)) {
                return Future.succeededFuture(refuse(ctx,
                        BearerFailure.insufficientScope("This resource needs the scope: " + scopeAttribute + ".")));
            }
            forwardIdentity(ctx.request().headers(), t);
            return ctx.sendRequest();
        });
    }

    /** RFC 6750 §2.1: {@code Authorization: Bearer <b68token>}; the query and form methods are not accepted. */
    static String bearerToken(HttpServerRequest inbound) {
        List<String> authorizations = inbound.headers().getAll(HttpHeaders.AUTHORIZATION);
        boolean inQuery = inbound.params().contains("access_token");
        if (authorizations.isEmpty()) {
            // RFC 6750 §3.1: a request without credentials gets a challenge without an error code
            throw BearerFailure.missing();
        }
        // RFC 6750 §3.1: a repeated parameter is invalid_request; RFC 6750 §2: one method per request, never several
        if (authorizations.size() > 1 || inQuery) {
            throw BearerFailure.invalidRequest("Send the access token once, in the Authorization header only.");
        }
        String value = authorizations.get(0);
        // RFC 9110 §11.1: the auth-scheme is case-insensitive; another scheme carries no bearer token
        if (value.length() < 6 || !value.regionMatches(true, 0, "Bearer", 0, 6)
                || (value.length() > 6 && value.charAt(6) != ' ')) {
            throw BearerFailure.missing();
        }
        String token = value.substring(6).trim();
        if (!isB64Token(token)) {
            throw BearerFailure.invalidRequest("The Authorization header is not a valid Bearer credential.");
        }
        return token;
    }

    /** RFC 6750 §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=". */
    private static boolean isB64Token(String token) {
        if (token.isEmpty() || token.length() > 16384) {
            return false;
        }
        int i = 0;
        while (i < token.length()) {
            char c = token.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
            if (!ok) {
                break;
            }
            i++;
        }
        if (i == 0) {
            return false;
        }
        while (i < token.length() && token.charAt(i) == '=') {
            i++;
        }
        return i == token.length();
    }

    private void forwardIdentity(MultiMap headers, VerifiedAccessToken t) {
        // the service trusts these only next to the identity proof ForwardingHeaders adds; the token stays at the edge
        headers.remove(HttpHeaders.AUTHORIZATION);
        headers.set(SUBJECT, t.subject());
        headers.set(CLIENT_ID, t.clientId());
        headers.set(SCOPE, t.scope());
        if (t.grantId() != null) {
            headers.set(GRANT_ID, t.grantId());
        }
    }

    private ProxyResponse refuse(ProxyContext ctx, BearerFailure failure) {
        HttpServerRequest inbound = ctx.request().proxiedRequest();
        if (BufferedBody.hasBody(inbound) && !inbound.isEnded()) {
            // the body is not read: the connection cannot be reused (a request without one keeps its connection)
            EdgeResponses.closeAfterAnswer(inbound);
        }
        if (failure.kind() == BearerFailure.Kind.MISSING) {
            ProxyResponse response = EdgeResponses.instead(ctx, 401, Buffer.buffer());
            response.headers().remove(HttpHeaders.CONTENT_TYPE);
            response.setBody(Body.body(Buffer.buffer()));
            response.headers().set(WWW_AUTHENTICATE, REALM);
            return response;
        }
        ProxyResponse response = EdgeResponses.instead(ctx, failure.status(), EdgeResponses.error(failure.kind().error.with(failure.description())));
        if (failure.kind() != BearerFailure.Kind.UNAVAILABLE) {
            // RFC 6750 §3: the challenge names the error; insufficient_scope also names the scope needed
            String challenge = "Bearer error=\"" + failure.error().code() + "\", error_description=\"" + failure.description() + "\"";
            if (failure.kind() == BearerFailure.Kind.INSUFFICIENT_SCOPE) {
                challenge += ", scope=\"" + scopeAttribute + "\"";
            }
            response.headers().set(WWW_AUTHENTICATE, challenge);
        }
        return response;
    }
}
