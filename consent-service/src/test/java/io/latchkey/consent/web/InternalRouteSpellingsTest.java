package io.latchkey.consent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.latchkey.consent.InternalServicesStub;
import io.latchkey.consent.TestUsers;
import io.latchkey.testsupport.FreshDatabase;
import io.latchkey.testsupport.InternalPathSpellings;
import io.latchkey.testsupport.RawRequests;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** No spelling of an /internal/ path tells anyone about a user without the internal secret. */
@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(InternalServicesStub.class)
class InternalRouteSpellingsTest {

    private static final String USER_MARK = "USER-ID";
    private static UUID user;

    @BeforeAll
    static void aUser() throws Exception {
        user = TestUsers.create("spellings-" + UUID.randomUUID() + "@example.test", "pw-123456", false);
    }

    static Stream<String> userSpellings() {
        return InternalPathSpellings.of("users/" + USER_MARK).stream();
    }

    @ParameterizedTest(name = "GET {0} tells nothing")
    @MethodSource("userSpellings")
    void noSpellingOfTheUserRouteAnswersWithoutTheSecret(String spelling) {
        String path = spelling.replace(USER_MARK, user.toString());
        RawRequests.Answer answer = RawRequests.send(RestAssured.port, "GET", path, null, null);
        assertTrue(List.of(400, 401, 404).contains(answer.status()), path + " answered " + answer.status() + ": " + answer.body());
        assertFalse(answer.body().contains("\"active\""), path + " answered: " + answer.body());
    }

    @Test
    void theSameRawRequestWithTheSecretAnswers() {
        RawRequests.Answer answer = RawRequests.send(RestAssured.port, "GET", "/internal/users/" + user,
                "X-Latchkey-Internal: " + InternalServicesStub.SECRET + "\r\n", null);
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.body().contains("\"active\":true"), answer.body());
    }

    @Test
    void aRefusedPathGetsAJsonInvalidRequestWithoutDetails() {
        RawRequests.Answer answer = RawRequests.send(RestAssured.port, "GET", "/%69nternal/users/" + user, null, null);
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.body().startsWith("{\"error\":\"invalid_request\""), answer.body());
        assertTrue(answer.head().toLowerCase().contains("cache-control: no-store"), answer.head());
    }
}
