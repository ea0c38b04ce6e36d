package io.latchkey.consent.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(19456, 2, 1);

    @Test
    void hashIsAnArgon2idPhcStringWithTheConfiguredParameters() {
        String hash = hasher.hash("correct horse battery staple");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertEquals(6, hash.split("\\$").length);
    }

    @Test
    void storedHashIsNotThePasswordAndIsSaltedPerCall() {
        String a = hasher.hash("latchkey-demo");
        String b = hasher.hash("latchkey-demo");
        assertFalse(a.contains("latchkey-demo"));
        assertNotEquals(a, b);
    }

    @Test
    void rightPasswordVerifiesAndWrongPasswordDoesNot() {
        String hash = hasher.hash("latchkey-demo");
        assertTrue(hasher.verify("latchkey-demo", hash));
        assertFalse(hasher.verify("latchkey-demO", hash));
        assertFalse(hasher.verify("", hash));
    }

    @Test
    void hashWithOtherParametersStillVerifiesBecauseTheyAreReadFromTheHash() {
        String cheap = new PasswordHasher(1024, 1, 1).hash("pw");
        assertTrue(hasher.verify("pw", cheap));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "pw", "$argon2i$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=1024,t=1$c2FsdA$aGFzaA", "$argon2id$v=19$m=99999999,t=1,p=1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA"})
    void malformedHashesNeverVerify(String phc) {
        assertFalse(hasher.verify("pw", phc));
    }

    @Test
    void onlyAWellFormedHashOfAnotherCostNeedsARehash() {
        assertFalse(hasher.needsRehash(hasher.hash("pw")));
        assertTrue(hasher.needsRehash(new PasswordHasher(7168, 5, 1).hash("pw")));
        assertTrue(hasher.needsRehash(new PasswordHasher(19456, 3, 1).hash("pw")));
        assertTrue(hasher.needsRehash(new PasswordHasher(19456, 2, 2).hash("pw")));
        assertFalse(hasher.needsRehash("$argon2id$v=19$m=1024,t=1$c2FsdA$aGFzaA"));
        assertFalse(hasher.needsRehash(null));
    }

    @Test
    void dummyVerificationAlwaysFails() {
        assertFalse(hasher.verifyDummy("anything"));
    }
}
