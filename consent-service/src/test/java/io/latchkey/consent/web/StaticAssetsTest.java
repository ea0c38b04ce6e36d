package io.latchkey.consent.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.latchkey.consent.InternalServicesStub;
import io.latchkey.testsupport.FreshDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(InternalServicesStub.class)
class StaticAssetsTest {

    @Test
    void theFaviconIsServedSoNoPageLogsA404() {
        given().get("/favicon.ico").then().statusCode(200)
                .header("Content-Type", startsWith("image/svg+xml"))
                .header("X-Content-Type-Options", "nosniff")
                .body(containsString("<svg"));
    }

    @Test
    void theStylesheetAndTheLocalTimeScriptAreServedAndLinkedFromEveryPage() {
        given().get("/static/latchkey.css").then().statusCode(200)
                .header("Content-Type", startsWith("text/css")).body(containsString(".button-danger"));
        given().get("/static/local-time.js").then().statusCode(200)
                .header("Content-Type", startsWith("text/javascript")).body(containsString("time[datetime]"));
        given().get("/login").then().statusCode(200)
                .body(containsString("href=\"/static/latchkey.css\""))
                .body(containsString("<script src=\"/static/local-time.js\" defer></script>"))
                .body(containsString("rel=\"icon\""));
    }

    @Test
    void anyOtherNameIsA404PageNotAFileOfTheClassPath() {
        for (String path : new String[] {"/static/nothing.css", "/static/..%2Fapplication.properties",
                "/static/%2e%2e/application.properties", "/static/", "/static/latchkey.css%00"}) {
            given().get(path).then().body(org.hamcrest.Matchers.not(containsString("quarkus.")));
            int status = given().get(path).then().extract().statusCode();
            org.junit.jupiter.api.Assertions.assertTrue(status == 404 || status == 400, path + " -> " + status);
        }
    }
}
