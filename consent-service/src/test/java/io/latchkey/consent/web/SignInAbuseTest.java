package io.latchkey.consent.web;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.latchkey.consent.Browser;
import io.latchkey.consent.InternalServicesStub;
import io.latchkey.consent.TestUsers;
import io.latchkey.testsupport.FreshDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Password spraying and guessing through the sign-in form. A {@link Browser} sends its address the way the gateway
 * forwards it, so each test chooses where its attempts come from.
 */
@QuarkusTest
@QuarkusTestResource(FreshDatabase.class)
@QuarkusTestResource(InternalServicesStub.class)
class SignInAbuseTest {

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String ip(int a, int b) {
        return "192.0." + a + "." + b;
    }

    @Test
    void guessingOneAccountFromManyAddressesIsLimitedPerAccount() throws Exception {
        String user = unique("sprayed") + "@latchkey.dev";
        TestUsers.create(user, "right-password", false);
        for (int i = 0; i < 6; i++) {
            new Browser(ip(10, i + 1)).signIn(user, "wrong-" + i).then().statusCode(401);
        }
        // a new address does not help: the account itself is backing off (even the right password must wait)
        new Browser(ip(10, 99)).signIn(user, "right-password")
                .then().statusCode(429)
                .header("Retry-After", "1")
                .body(containsString("Too many attempts"))
                .body(org.hamcrest.Matchers.not(containsString("right-password")));
        Thread.sleep(1_100);
        new Browser(ip(10, 100)).signIn(user, "right-password").then().statusCode(303);
    }

    @Test
    void sprayingManyAccountsFromOneAddressIsLimitedPerAddress() {
        String sprayer = ip(11, 1);
        for (int i = 0; i < 21; i++) {
            new Browser(sprayer).signIn(unique("nobody") + "@latchkey.dev", "Summer2026!").then().statusCode(401);
        }
        new Browser(sprayer).signIn(unique("nobody") + "@latchkey.dev", "Summer2026!")
                .then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // another address is not affected
        new Browser(ip(11, 2)).signIn(unique("nobody") + "@latchkey.dev", "x").then().statusCode(401);
    }

    @Test
    void aSuccessfulSignInDoesNotCountAgainstItsAddress() throws Exception {
        String user = unique("regular") + "@latchkey.dev";
        TestUsers.create(user, "right-password", false);
        String office = ip(12, 1);
        for (int i = 0; i < 25; i++) {
            new Browser(office).signIn(user, "right-password").then().statusCode(303);
        }
    }

    @Test
    void unknownAndKnownAccountsTakeTheSameTime() throws Exception {
        String known = unique("known") + "@latchkey.dev";
        TestUsers.create(known, "right-password", false);
        // warm up both paths once
        new Browser(ip(13, 1)).signIn(known, "wrong").then().statusCode(401);
        new Browser(ip(13, 2)).signIn(unique("unknown") + "@latchkey.dev", "wrong").then().statusCode(401);
        long[] knownTimes = new long[4];
        long[] unknownTimes = new long[4];
        for (int i = 0; i < 4; i++) {
            String knownUser = unique("known") + "@latchkey.dev";
            TestUsers.create(knownUser, "right-password", false);
            knownTimes[i] = timed(new Browser(ip(13, 10 + i)), knownUser);
            unknownTimes[i] = timed(new Browser(ip(13, 20 + i)), unique("unknown") + "@latchkey.dev");
        }
        long knownMedian = median(knownTimes);
        long unknownMedian = median(unknownTimes);
        // an unknown account runs the same Argon2id check (dummy hash): without it, it would answer ~50x faster
        assertTrue(unknownMedian * 2 > knownMedian && knownMedian * 2 > unknownMedian,
                "known " + knownMedian + " ms, unknown " + unknownMedian + " ms");
    }

    private static long timed(Browser browser, String user) {
        String csrf = Browser.csrfOf(browser.get("/login"));
        long start = System.nanoTime();
        browser.post("/login", java.util.Map.of("username", user, "password", "wrong", "csrf", csrf))
                .then().statusCode(401);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
