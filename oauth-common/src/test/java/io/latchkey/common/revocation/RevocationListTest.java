package io.latchkey.common.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.vertx.core.buffer.Buffer;

class RevocationListTest {

    @Test
    void theWireFormRoundTrips() {
        RevocationList list = new RevocationList(List.of(
                new RevocationList.Entry(RevocationKind.GRANT, "g-1", 1000),
                new RevocationList.Entry(RevocationKind.FAMILY, "f-1", 2000),
                new RevocationList.Entry(RevocationKind.JTI, "j-1", 3000),
                new RevocationList.Entry(RevocationKind.CLIENT, "c-1", 4000, 1500)));
        assertEquals(list, RevocationList.fromJson(Buffer.buffer(list.toJson())));
    }

    @Test
    void aClientEntryWithoutItsRevocationTimeIsSkipped() {
        // it could not say which of the client's tokens it denies
        String json = "{\"revocations\":[{\"kind\":\"client\",\"id\":\"c\",\"expires_at\":9},"
                + "{\"kind\":\"client\",\"id\":\"d\",\"expires_at\":9,\"revoked_at\":5}]}";
        assertEquals(List.of(new RevocationList.Entry(RevocationKind.CLIENT, "d", 9, 5)),
                RevocationList.fromJson(Buffer.buffer(json)).revocations());
    }

    @Test
    void entriesOfUnknownKindsOrWithoutIdOrExpiryAreSkipped() {
        String json = "{\"revocations\":[{\"kind\":\"user\",\"id\":\"u\",\"expires_at\":1},{\"kind\":5,\"id\":\"x\",\"expires_at\":1},"
                + "{\"kind\":\"jti\",\"expires_at\":1},{\"kind\":\"jti\",\"id\":\"j\"},{\"kind\":\"grant\",\"id\":\"g\",\"expires_at\":7}]}";
        assertEquals(List.of(new RevocationList.Entry(RevocationKind.GRANT, "g", 7)),
                RevocationList.fromJson(Buffer.buffer(json)).revocations());
    }

    @Test
    void aBodyWithoutTheListIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RevocationList.fromJson(Buffer.buffer("{}")));
    }

    @Test
    void eachKindHasItsOwnChannel() {
        assertEquals("lk:revoked-grants", RevocationKind.GRANT.channel("lk:"));
        assertEquals("lk:revoked-families", RevocationKind.FAMILY.channel("lk:"));
        assertEquals("lk:revoked-jtis", RevocationKind.JTI.channel("lk:"));
        assertEquals("lk:revoked-clients", RevocationKind.CLIENT.channel("lk:"));
    }
}
