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

class FormScanTest {

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
        assertEquals(expected, FormScan.of(Buffer.buffer(form)).deviceCodeGrant());
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
        assertFalse(FormScan.of(Buffer.buffer(form)).deviceCodeGrant());
    }

    @Test
    void binaryGarbageAndHugeFieldsAreNotADeviceCodeGrant() {
        byte[] garbage = new byte[4096];
        new Random(9).nextBytes(garbage);
        assertFalse(FormScan.of(Buffer.buffer(garbage)).deviceCodeGrant());
        assertFalse(FormScan.of(Buffer.buffer("grant_type=" + "%41".repeat(5000))).deviceCodeGrant());
        assertFalse(FormScan.of(Buffer.buffer("a=1&".repeat(4000))).deviceCodeGrant());
        byte[] nul = "grant_type=urn:ietf:params:oauth:grant-type:device_code\0".getBytes(StandardCharsets.UTF_8);
        assertFalse(FormScan.of(Buffer.buffer(nul)).deviceCodeGrant());
    }

    @ParameterizedTest(name = "empty form")
    @CsvSource(value = {"''"})
    void anEmptyFormIsNotADeviceCodeGrant(String form) {
        assertEquals(false, FormScan.of(Buffer.buffer(form)).deviceCodeGrant());
    }

    @ParameterizedTest(name = "[{0}] names client {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "grant_type=refresh_token&client_id=latchkey-cli&refresh_token=x | latchkey-cli",
            "client_id=my%20app | my app",
            "client_%69d=cli | cli",
            "client_id=a&client_id=b | null",
            "client_id= | null",
            "client_id | null",
            "client_id=%ZZ | null",
            "xclient_id=a | null",
            "grant_type=client_credentials | null"})
    void theClientIdIsFoundInTheSameScan(String form, String expected) {
        assertEquals(expected, FormScan.of(Buffer.buffer(form)).clientId());
    }

    /** RFC 6749 §2.3.1: client_secret_post, under any spelling the services' form reader decodes to the same name. */
    @ParameterizedTest(name = "[{0}] carries a client_secret: {1}")
    @CsvSource(delimiter = '|', value = {
            "grant_type=urn:ietf:params:oauth:grant-type:device_code&client_id=a&client_secret=s | true",
            "client_secret= | true",
            "client_secret | true",
            "client%5Fsecret=s | true",
            "client_%73ecret=s&client_secret=t | true",
            "client_secretx=s | false",
            "xclient_secret=s | false",
            "client_id=a&secret=s | false",
            "client_secret%=s | false",
            "'' | false"})
    void aClientSecretFieldIsFoundInTheSameScan(String form, boolean expected) {
        assertEquals(expected, FormScan.of(Buffer.buffer(form)).clientSecret());
    }
}
