package io.latchkey.consent;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A browser for tests: keeps cookies, does not follow redirects, comes from its own IP (as the gateway reports it). */
public class Browser {

    /** The gateway's identity proof in tests (%test value of latchkey.gateway.identity-secret). */
    public static final String GATEWAY_PROOF = "dev-identity-secret-0123456789abcdef";

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static int nextIp = 1;

    public final Map<String, String> cookies = new HashMap<>();
    public final String ip;
    public String username;
    /** The X-Latchkey-Identity value sent; null: none (a client talking to consent-service directly). */
    private String proof = GATEWAY_PROOF;

    public Browser() {
        synchronized (Browser.class) {
            ip = "198.51.100." + (nextIp++ % 250 + 1) + "";
        }
    }

    public Browser(String ip) {
        this.ip = ip;
    }

    /** A client that reaches consent-service directly and claims {@code forgedIp} in every address header it can. */
    public static Browser withoutGatewayProof(String forgedIp) {
        Browser browser = new Browser(forgedIp);
        browser.proof = null;
        return browser;
    }

    /** A browser signed in as a new, active user whose name starts with {@code prefix} (password "pw-" + name). */
    public static Browser signedInAsNewUser(String prefix) throws Exception {
        String username = prefix + "-" + java.util.UUID.randomUUID() + "@latchkey.dev";
        TestUsers.create(username, "pw-" + username, false);
        Browser browser = new Browser();
        org.junit.jupiter.api.Assertions.assertEquals(303, browser.signIn(username, "pw-" + username).statusCode());
        browser.username = username;
        return browser;
    }

    public Response get(String path) {
        return remember(request().get(path));
    }

    /** GET with query parameters given as name, value pairs (a name may repeat); the values are encoded once. */
    public Response getQuery(String path, String... namesAndValues) {
        RequestSpecification r = request().urlEncodingEnabled(true);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            r.queryParam(namesAndValues[i], namesAndValues[i + 1]);
        }
        return remember(r.get(path));
    }

    /** GET a path whose query is already percent-encoded (a Location header), the way a browser follows it. */
    public Response getEncoded(String pathAndQuery) {
        return remember(request().urlEncodingEnabled(false).get(pathAndQuery));
    }

    public Response post(String path, Map<String, String> form) {
        RequestSpecification r = request().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        form.forEach(r::formParam);
        return remember(r.post(path));
    }

    /** Signs in through the login form; returns the POST /login response. */
    public Response signIn(String username, String password) {
        String csrf = csrfOf(get("/login"));
        return post("/login", Map.of("username", username, "password", password, "csrf", csrf));
    }

    public static String csrfOf(Response page) {
        Matcher m = CSRF.matcher(page.asString());
        if (!m.find()) {
            throw new AssertionError("no CSRF field in page:\n" + page.asString());
        }
        return m.group(1);
    }

    private RequestSpecification request() {
        RequestSpecification r = given().redirects().follow(false).cookies(cookies)
                .header("X-Latchkey-Client-IP", ip)
                .header("User-Agent", "TestBrowser/1.0");
        return proof != null ? r.header("X-Latchkey-Identity", proof)
                : r.header("X-Forwarded-For", ip).header("Forwarded", "for=" + ip).header("X-Real-IP", ip);
    }

    private Response remember(Response response) {
        for (Cookie c : response.getDetailedCookies()) {
            if (c.getMaxAge() == 0 || c.getValue() == null || c.getValue().isEmpty()) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        }
        return response;
    }
}
