package io.latchkey.consent.admin;

import static io.restassured.RestAssured.given;

import io.latchkey.consent.Browser;
import io.restassured.specification.RequestSpecification;

/** Requests as the gateway forwards them on an admin bearer route: identity proof, the token's claims, the client IP. */
public final class AdminRequests {

    public static final String OPERATOR_CLIENT = "latchkey-operator";
    public static final String OPERATOR_IP = "203.0.113.50";

    private AdminRequests() {
    }

    /** An operator client's token (client_credentials: sub = client_id) with scope admin. */
    public static RequestSpecification operator() {
        return as(OPERATOR_CLIENT, "admin");
    }

    public static RequestSpecification as(String subject, String scope) {
        return given().header("X-Latchkey-Identity", Browser.GATEWAY_PROOF)
                .header("X-Latchkey-Subject", subject)
                .header("X-Latchkey-Client-Id", OPERATOR_CLIENT)
                .header("X-Latchkey-Scope", scope)
                .header("X-Latchkey-Client-IP", OPERATOR_IP);
    }
}
