package io.latchkey.common.pkce;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.latchkey.common.error.OAuthError;
import io.latchkey.common.error.OAuthException;

/** RFC 7636 with RFC 9700 §2.1.1 (S256 only, public clients must): the PKCE rules, without a server. */
class PkceTest {

    /** RFC 7636 Appendix B: the example code_verifier. */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    /** RFC 7636 §4.2: BASE64URL(SHA-256(ASCII(code_verifier))), computed here independently of Pkce. */
    private static final String CHALLENGE = challengeOf(VERIFIER);

    private static String challengeOf(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "challenge {0}, method {1}, public {2} → {3}")
    @CsvSource(value = {
            // RFC 9700 §2.1.1: a public client must send a challenge; a confidential one may omit it
            "NULL,      NULL,  true,  invalid_request",
            "'',        NULL,  true,  invalid_request",
            "NULL,      NULL,  false, OK",
            "NULL,      S256,  false, invalid_request",
            // RFC 9700 §2.1.1: S256 only (RFC 7636 §4.3: no method would mean plain)
            "CHALLENGE, NULL,  true,  invalid_request",
            "CHALLENGE, plain, true,  invalid_request",
            "CHALLENGE, s256,  false, invalid_request",
            "CHALLENGE, S256,  true,  OK",
            "CHALLENGE, S256,  false, OK",
            // RFC 7636 §4.2: 43 base64url characters
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c,   S256, true, invalid_request",
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cMM, S256, true, invalid_request",
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM,  S256, true, invalid_request",
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw=cM,  S256, true, invalid_request",
    }, nullValues = "NULL")
    void whenTheChallengeIsCheckedAtIssueThenOnlyValidS256Passes(String challenge, String method, boolean publicClient,
                                                                 String outcome) {
        String c = "CHALLENGE".equals(challenge) ? CHALLENGE : challenge;
        if ("OK".equals(outcome)) {
            assertDoesNotThrow(() -> Pkce.checkChallenge(c, method, publicClient));
        } else {
            OAuthException e = assertThrows(OAuthException.class, () -> Pkce.checkChallenge(c, method, publicClient));
            assertEquals(outcome, e.error().code());
        }
    }

    @ParameterizedTest(name = "bound challenge {0}, verifier {1} → {2}")
    @CsvSource(value = {
            "CHALLENGE, VERIFIER, OK",
            // RFC 9700 §4.8: a verifier for a code without a challenge is a downgrade
            "NULL,      VERIFIER, invalid_grant",
            "NULL,      NULL,     OK",
            // RFC 7636 §4.5: the verifier is required once a challenge was sent
            "CHALLENGE, NULL,     invalid_grant",
            // RFC 7636 §4.1: 43 to 128 unreserved characters
            "CHALLENGE, short,    invalid_grant",
            "CHALLENGE, dBjftJeZ4CVP-mJ92K1qt3xIl1kqwHI3XfwOtVo0-M!, invalid_grant",
            // RFC 7636 §4.6: the hash must match
            "CHALLENGE, dBjftJeZ4CVP-mJ92K1qt3xIl1kqwHI3XfwOtVo0-MN, invalid_grant",
    }, nullValues = "NULL")
    void whenTheVerifierIsPresentedThenItMustHashToTheChallenge(String challenge, String verifier, String outcome) {
        String c = "CHALLENGE".equals(challenge) ? CHALLENGE : challenge;
        String v = "VERIFIER".equals(verifier) ? VERIFIER : verifier;
        if ("OK".equals(outcome)) {
            assertDoesNotThrow(() -> Pkce.verify(c, v));
        } else {
            OAuthException e = assertThrows(OAuthException.class, () -> Pkce.verify(c, v));
            assertEquals(outcome, e.error().code());
            assertEquals(400, e.error().status());
        }
    }

    @Test
    void whenTheRfc7636AppendixBVerifierIsPresentedThenItMatchesItsPublishedChallenge() {
        // RFC 7636 Appendix B: the example verifier and its S256 challenge, as published
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", CHALLENGE);
        assertDoesNotThrow(() -> Pkce.verify("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", VERIFIER));
        assertNull(Pkce.challengeProblem("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", Pkce.S256, true));
    }

    @ParameterizedTest(name = "challenge {0}, method {1}, public {2} → problem {3}")
    @CsvSource(value = {
            "NULL,      NULL, true,  invalid_request",
            "NULL,      '',   false, OK",
            "'',        '',   false, OK",
            "CHALLENGE, S256, false, OK",
            "CHALLENGE, '',   false, invalid_request",
    }, nullValues = "NULL")
    void whenTheAuthorizationEndpointAsksForTheProblemThenItIsReturnedNotThrown(String challenge, String method,
                                                                              boolean publicClient, String outcome) {
        String c = "CHALLENGE".equals(challenge) ? CHALLENGE : challenge;
        OAuthException problem = Pkce.challengeProblem(c, method, publicClient);
        if ("OK".equals(outcome)) {
            assertNull(problem);
        } else {
            assertEquals(outcome, problem.error().code());
            assertEquals(400, problem.error().status());
        }
    }

    @ParameterizedTest(name = "a verifier of {0} characters: {1}")
    @CsvSource({"42, invalid_grant", "43, OK", "128, OK", "129, invalid_grant"})
    void whenTheVerifierLengthIsAtTheBoundsThenRfc7636Decides(int length, String outcome) {
        String verifier = "a~b.c_d-".repeat(20).substring(0, length);
        String challenge = challengeOf(verifier);
        if ("OK".equals(outcome)) {
            assertDoesNotThrow(() -> Pkce.verify(challenge, verifier));
        } else {
            assertEquals(OAuthError.INVALID_GRANT,
                    assertThrows(OAuthException.class, () -> Pkce.verify(challenge, verifier)).error());
        }
    }
}
