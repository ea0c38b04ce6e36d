package io.latchkey.device.web;

import static io.latchkey.device.support.DeviceFlow.form;
import static io.latchkey.device.support.DeviceFlow.lookup;
import static io.latchkey.device.support.DeviceFlow.start;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.latchkey.device.support.FakeTokenService;
import io.latchkey.device.support.RandomKeyPrefix;
import io.latchkey.testsupport.InternalPathSpellings;
import io.latchkey.testsupport.RawRequests;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * No spelling of an /internal/ path approves a device without the internal secret, and the device IP recorded for
 * the approval page is the socket peer unless the gateway's identity proof vouches for X-Latchkey-Client-IP.
 */
@QuarkusTest
@QuarkusTestResource(RandomKeyPrefix.class)
@QuarkusTestResource(FakeTokenService.class)
class InternalRouteSpellingsTest {

    private static final String APPROVAL = "{\"subject\":\"attacker\",\"grant_id\":\"g-bypass\",\"scope\":\"db:write\"}";
    private static final String USER_CODE_MARK = "USER-CODE";

    static Stream<String> approveSpellings() {
        return InternalPathSpellings.of("device/user-codes/" + USER_CODE_MARK + "/approve").stream();
    }

    @ParameterizedTest(name = "POST {0} approves nothing")
    @MethodSource("approveSpellings")
    void noSpellingOfTheApproveRouteApprovesADeviceWithoutTheSecret(String spelling) {
        String userCode = start("cli").getString("user_code");
        String path = spelling.replace(USER_CODE_MARK, userCode);
        RawRequests.Answer answer = RawRequests.send(RestAssured.port, "POST", path,
                "Content-Type: application/json\r\n", APPROVAL);
        assertTrue(List.of(400, 401, 404).contains(answer.status()), path + " answered " + answer.status() + ": " + answer.body());
        // the authorization is still pending: nobody approved it
        lookup(userCode).then().statusCode(200);
    }

    @Test
    void theSameRawRequestWithTheSecretDoesApprove() {
        String userCode = start("cli").getString("user_code");
        RawRequests.Answer answer = RawRequests.send(RestAssured.port, "POST",
                "/internal/device/user-codes/" + userCode + "/approve",
                "Content-Type: application/json\r\nX-Latchkey-Internal: " + FakeTokenService.INTERNAL_SECRET + "\r\n", APPROVAL);
        assertEquals(204, answer.status(), answer.body());
        lookup(userCode).then().statusCode(404);
    }

    @Test
    void aForgedClientIpWithoutTheGatewaysProofIsIgnored() {
        String userCode = form().formParam("client_id", "cli")
                .header("X-Latchkey-Client-IP", "198.51.100.66")
                .header("X-Forwarded-For", "198.51.100.77")
                .header("X-Latchkey-Identity", "guess")
                .post("/oauth/device_authorization").then().statusCode(200).extract().jsonPath().getString("user_code");
        lookup(userCode).then().statusCode(200).body("device_ip", equalTo("127.0.0.1"));
    }

    @Test
    void theInternalSecretDoesNotVouchForAClientIp() {
        String userCode = form().formParam("client_id", "cli")
                .header("X-Latchkey-Client-IP", "198.51.100.66")
                .header("X-Latchkey-Identity", FakeTokenService.INTERNAL_SECRET)
                .post("/oauth/device_authorization").then().statusCode(200).extract().jsonPath().getString("user_code");
        lookup(userCode).then().statusCode(200).body("device_ip", equalTo("127.0.0.1"));
    }
}
