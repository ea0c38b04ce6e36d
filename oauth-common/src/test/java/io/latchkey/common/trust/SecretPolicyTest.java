package io.latchkey.common.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class SecretPolicyTest {

    private static final String INTERNAL = "latchkey.internal.secret";
    private static final String IDENTITY = "latchkey.gateway.identity-secret";
    private static final String RANDOM_A = "q9Vx3mT7rLw2Zk8pNc5Hs1Jd6Fg4Bb0Y";
    private static final String RANDOM_B = "Wm4Kc8Tz1Qr7Xp3Lv9Hn2Sd6Gj5Fb0Ay";

    @Test
    void whenEverySecretIsLongRandomAndDistinctThenThereIsNoProblem() {
        assertEquals(List.of(), SecretPolicy.problems(secrets(RANDOM_A, RANDOM_B)));
    }

    @Test
    void whenASecretIsMissingOrBlankThenItIsNamed() {
        List<String> problems = SecretPolicy.problems(secrets(null, "  "));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(INTERNAL), problems.toString());
        assertTrue(problems.get(1).startsWith(IDENTITY), problems.toString());
    }

    @Test
    void whenASecretIsShorterThan32CharactersThenItIsRefused() {
        List<String> problems = SecretPolicy.problems(secrets(RANDOM_A.substring(0, 31), RANDOM_B));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("shorter than 32"), problems.toString());
    }

    @ParameterizedTest(name = "{0} is a published default")
    @ValueSource(strings = {"dev-internal-secret", "local-dev-internal-secret-change-me", "dev-internal-secret-NOT-FOR-PRODUCTION",
            "REPLACE-ME-openssl-rand-base64-48", "ZGV2LW9ubHkta2V5LWRvLW5vdC11c2UtaW4tcHJvZCE=",
            "bG9jYWwtZGV2LWtleS1lbmNyeXB0aW9uLWtleS0zMmI=", "dev-identity-secret-0123456789abcdef",
            "my-own-but-still-a-change-me-placeholder"})
    void whenASecretIsAValuePublishedInTheRepositoryThenItIsRefused(String published) {
        assertTrue(SecretPolicy.isKnownDefault(published));
        assertFalse(SecretPolicy.problems(secrets(published, RANDOM_B)).isEmpty());
    }

    @Test
    void whenTwoJobsShareOneSecretThenItIsRefused() {
        List<String> problems = SecretPolicy.problems(secrets(RANDOM_A, RANDOM_A));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("same value as " + INTERNAL), problems.toString());
    }

    @Test
    void whenStrictTheStartupCheckStopsTheServiceOnADefaultSecret() {
        SecretCheck check = new SecretCheck(config(Map.of(INTERNAL, "dev-internal-secret", IDENTITY, RANDOM_B)),
                List.of(INTERNAL, IDENTITY), false);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> check.verify(true));
        assertTrue(refused.getMessage().contains(INTERNAL), refused.getMessage());
        assertFalse(refused.getMessage().contains("dev-internal-secret"), "the value itself is never logged");
    }

    @Test
    void whenStrictAnUnresolvedEnvironmentReferenceCountsAsMissing() {
        SecretCheck check = new SecretCheck(config(Map.of(INTERNAL, "${LATCHKEY_NO_SUCH_VARIABLE_FOR_TEST}", IDENTITY, RANDOM_B)),
                List.of(INTERNAL, IDENTITY), false);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> check.verify(true));
        assertTrue(refused.getMessage().contains(INTERNAL + " is not set"), refused.getMessage());
    }

    @Test
    void whenStrictGoodSecretsPassAndWhenNotStrictNothingIsChecked() {
        new SecretCheck(config(Map.of(INTERNAL, RANDOM_A, IDENTITY, RANDOM_B)), List.of(INTERNAL, IDENTITY), false).verify(true);
        new SecretCheck(config(Map.of(INTERNAL, "dev-internal-secret")), List.of(INTERNAL, IDENTITY), true).verify(false);
    }

    private static Map<String, Optional<String>> secrets(String internal, String identity) {
        Map<String, Optional<String>> secrets = new LinkedHashMap<>();
        secrets.put(INTERNAL, Optional.ofNullable(internal));
        secrets.put(IDENTITY, Optional.ofNullable(identity));
        return secrets;
    }

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().withSources(new PropertiesConfigSource(values, "test", 100)).build();
    }
}
