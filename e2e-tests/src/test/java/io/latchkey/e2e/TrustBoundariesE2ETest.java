package io.latchkey.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged services (prod profile) on the wire: no spelling of /internal/ mints a token without the internal
 * secret, and the device IP shown at approval is the address the gateway computed, never one the client wrote.
 */
@org.junit.jupiter.api.Order(2)
class TrustBoundariesE2ETest {

    private static final String MINT = "{\"client_id\":\"latchkey-cli\",\"subject\":\"attacker\",\"scope\":\"db:write\","
            + "\"grant_id\":\"g-e2e-bypass\",\"grant_type\":\"urn:ietf:params:oauth:grant-type:device_code\"}";
    static Platform platform;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
    }

    @Test
    void encodedSpellingsOfTheMintRouteMintNothingOnThePackagedTokenService() {
        for (String path : List.of("/%69nternal/tokens", "/%2e/internal/tokens", "/internal;x=1/tokens", "/INTERNAL/tokens",
                "/internal./tokens", "/%2finternal/tokens", "/%2569nternal/tokens")) {
            int status = given().urlEncodingEnabled(false).contentType("application/json").body(MINT)
                    .post(platform.token.url() + path)
                    .then().body(not(containsString("access_token"))).extract().statusCode();
            assertTrue(status == 400 || status == 401 || status == 404, path + " answered " + status);
        }
    }

    @Test
    void behindATrustedAppendingProxyAForgedLeftmostForwardedForIsNotTheDeviceIp() {
        // gateway-2 trusts 127.0.0.1: the "proxy" appended 203.0.113.9, the client wrote 198.51.100.66 on the left
        String userCode = given().header("X-Forwarded-For", "198.51.100.66, 203.0.113.9")
                .header("X-Latchkey-Client-IP", "198.51.100.66")
                .formParam("client_id", Platform.CLI)
                .post(platform.secondGatewayUrl() + "/oauth/device_authorization")
                .then().statusCode(200).extract().jsonPath().getString("user_code");
        lookup(userCode).statusCode(200).body("device_ip", equalTo("203.0.113.9"));
    }

    @Test
    void aForgedClientIpSentStraightToDeviceServiceIsIgnored() {
        String userCode = given().header("X-Latchkey-Client-IP", "198.51.100.66")
                .header("X-Forwarded-For", "198.51.100.66")
                .header("X-Latchkey-Identity", Platform.INTERNAL_SECRET)
                .formParam("client_id", Platform.CLI)
                .post(platform.device.url() + "/oauth/device_authorization")
                .then().statusCode(200).extract().jsonPath().getString("user_code");
        lookup(userCode).statusCode(200).body("device_ip", equalTo("127.0.0.1"));
    }

    private static io.restassured.response.ValidatableResponse lookup(String userCode) {
        return given().header("X-Latchkey-Internal", Platform.INTERNAL_SECRET)
                .get(platform.device.url() + "/internal/device/user-codes/" + userCode).then();
    }
}
