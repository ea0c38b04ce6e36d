package io.latchkey.device.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Drives device-service the way a device and consent-service do, for tests. */
public final class DeviceFlow {

    public static final String DEVICE_GRANT = FakeTokenService.DEVICE_GRANT;

    private DeviceFlow() {
    }

    public static RequestSpecification form() {
        return given().contentType(ContentType.URLENC.withCharset("UTF-8"));
    }

    public static RequestSpecification internal() {
        return given().header("X-Latchkey-Internal", FakeTokenService.INTERNAL_SECRET);
    }

    /** Starts a device authorization for a public client; returns the 200 answer. */
    public static JsonPath start(String clientId, String scope) {
        RequestSpecification request = form().formParam("client_id", clientId);
        if (scope != null) {
            request.formParam("scope", scope);
        }
        return request.post("/oauth/device_authorization").then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath start(String clientId) {
        return start(clientId, null);
    }

    public static Response poll(String deviceCode, String clientId) {
        return form()
                .formParam("grant_type", DEVICE_GRANT)
                .formParam("device_code", deviceCode)
                .formParam("client_id", clientId)
                .post("/oauth/token");
    }

    public static Response approve(String userCode, String subject, String grantId, String scope) {
        String body = "{\"subject\":\"" + subject + "\",\"grant_id\":\"" + grantId + "\""
                + (scope == null ? "" : ",\"scope\":\"" + scope + "\"") + "}";
        return internal().contentType(ContentType.JSON).body(body)
                .post("/internal/device/user-codes/{code}/approve", userCode);
    }

    public static Response deny(String userCode) {
        return internal().post("/internal/device/user-codes/{code}/deny", userCode);
    }

    public static Response lookup(String userCode) {
        return internal().get("/internal/device/user-codes/{code}", userCode);
    }
}
