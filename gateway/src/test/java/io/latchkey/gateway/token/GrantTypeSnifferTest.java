package io.latchkey.gateway.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.vertx.core.buffer.Buffer;

class GrantTypeSnifferTest {

    @ParameterizedTest(name = "[{0}] is a device_code grant: {1}")
    @CsvSource(delimiter = '|', value = {
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=x | true",
            "device_code=x&grant_type=urn:ietf:params:oauth:grant-type:device_code | true",
            "client_id=a&grant_type=urn%3aietf%3aparams%3aoauth%3agrant-type%3adevice_code | true",
            "gr%61nt_type=urn:ietf:params:oauth:grant-type:device_code | true",
            "grant_type=urn:ietf:params:oauth:grant-type:device_code&grant_type=urn:ietf:params:oauth:grant-type:device_code | false",
            "grant_type=authorization_code&code=urn:ietf:params:oauth:grant-type:device_code | false",
            "xgrant_type=urn:ietf:params:oauth:grant-type:device_code | false",
            "grant_type=urn:ietf:params:oauth:grant-type:device_code+ | false",
            "grant_type=urn:ietf:params:oauth:grant-type:device_cod | false",
            "grant_type=%ZZ | false",
            "grant_type | false",
            "& | false"})
    void onlyASingleDeviceCodeGrantTypeCounts(String form, boolean expected) {
        assertEquals(expected, GrantTypeSniffer.isDeviceCodeGrant(Buffer.buffer(form)));
    }

    /** Issue 9: hostile bodies never throw; they are simply not a device_code poll (token-service refuses them). */
    @ParameterizedTest(name = "hostile [{0}]")
    @ValueSource(strings = {
            "grant_type=%", "grant_type=%Z", "grant_type=%zz", "%=%", "%%%%", "&=&", "=", "==&&==", "grant_type==",
            "grant_type=%00urn:ietf:params:oauth:grant-type:device_code",
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code%00",
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code%0a",
            "grant_type=%c3%28", "grant_type=%ff%fe", "grant%5Ftype=%ed%a0%80", "grant_type%=x", "grant_type%00=x",
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&grant_type=%zz"})
    void hostileBodiesAreNeverADeviceCodeGrantAndNeverThrow(String form) {
        assertFalse(GrantTypeSniffer.isDeviceCodeGrant(Buffer.buffer(form)));
    }

    @Test
    void binaryGarbageAndHugeFieldsAreNotADeviceCodeGrant() {
        byte[] garbage = new byte[4096];
        new Random(9).nextBytes(garbage);
        assertFalse(GrantTypeSniffer.isDeviceCodeGrant(Buffer.buffer(garbage)));
        assertFalse(GrantTypeSniffer.isDeviceCodeGrant(Buffer.buffer("grant_type=" + "%41".repeat(5000))));
        assertFalse(GrantTypeSniffer.isDeviceCodeGrant(Buffer.buffer("a=1&".repeat(4000))));
        byte[] nul = "grant_type=urn:ietf:params:oauth:grant-type:device_code\0".getBytes(StandardCharsets.UTF_8);
        assertFalse(GrantTypeSniffer.isDeviceCodeGrant(Buffer.buffer(nul)));
    }

    @ParameterizedTest(name = "empty form")
    @CsvSource(value = {"''"})
    void anEmptyFormIsNotADeviceCodeGrant(String form) {
        assertEquals(false, GrantTypeSniffer.isDeviceCodeGrant(Buffer.buffer(form)));
    }
}
