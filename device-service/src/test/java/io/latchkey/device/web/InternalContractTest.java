package io.latchkey.device.web;

import static io.latchkey.device.support.DeviceFlow.deny;
import static io.latchkey.device.support.DeviceFlow.internal;
import static io.latchkey.device.support.DeviceFlow.lookup;
import static io.latchkey.device.support.DeviceFlow.start;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.latchkey.common.contract.DeviceApproval;
import io.latchkey.common.contract.PendingDeviceAuthorization;
import io.latchkey.device.support.FakeTokenService;
import io.latchkey.device.support.RandomKeyPrefix;
import io.latchkey.testsupport.ContractJson;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Contract tests (docs/internal-api.md): consent-service's records (oauth-common {@code contract}) against
 * device-service's real {@code /internal/device/user-codes/**} routes. Requests are the JSON the record serializes
 * to; answers are read back into consent-service's record, failing on an unknown or a missing member.
 */
@QuarkusTest
@QuarkusTestResource(RandomKeyPrefix.class)
@QuarkusTestResource(FakeTokenService.class)
class InternalContractTest {

    private static List<String> members(String json) throws Exception {
        List<String> names = new ArrayList<>();
        new ObjectMapper().readTree(json).fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Response approve(String userCode, DeviceApproval approval) {
        return internal().contentType(ContentType.JSON).body(ContractJson.write(approval))
                .post("/internal/device/user-codes/{code}/approve", userCode);
    }

    @Test
    void consentServicesLookupReadsEveryMemberDeviceServiceSends() {
        String userCode = start("cli", "db:read").getString("user_code");
        String body = lookup(userCode).then().statusCode(200).extract().asString();
        PendingDeviceAuthorization found = ContractJson.read(body, PendingDeviceAuthorization.class);
        assertEquals(userCode, found.userCode());
        assertEquals("cli", found.clientId());
        assertEquals("db:read", found.scope());
        assertTrue(found.pending(), body);
        assertEquals("127.0.0.1", found.deviceIp());
    }

    @Test
    void consentServicesApprovalIsReadMemberByMember() throws Exception {
        String userCode = start("cli", "db:read").getString("user_code");
        // the members docs/internal-api.md names, as consent-service sends them
        assertEquals(List.of("subject", "grant_id", "scope", "identity"),
                members(ContractJson.write(new DeviceApproval("u", "g", "db:read", null))));
        // RFC 8628 §3.3 / RFC 6749 §3.3: the scope member is read, so a wider scope than requested is refused
        approve(userCode, new DeviceApproval("user-1", "grant-1", "db:read db:write", null))
                .then().statusCode(400).body("error", equalTo("invalid_scope"));
        approve(userCode, new DeviceApproval("user-1", "grant-1", "db:read", null)).then().statusCode(204);
        // single use: the approval was recorded, so the code is no longer pending
        lookup(userCode).then().statusCode(404);
        deny(userCode).then().statusCode(409);
    }

    @Test
    void consentServicesDenialNeedsNoBody() {
        String userCode = start("cli").getString("user_code");
        deny(userCode).then().statusCode(204);
        approve(userCode, new DeviceApproval("user-1", "grant-1", null, null)).then().statusCode(409);
    }
}
