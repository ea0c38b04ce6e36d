package io.latchkey.consent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.latchkey.common.contract.ClientInfo;
import io.latchkey.consent.grant.AuthorizedApp;

/** Issue 13: a native app that signed in through the browser is not labelled "on the web". */
class AppViaTest {

    private static AuthorizedApp app(String clientType, String via) {
        ClientInfo client = new ClientInfo("c", "C", clientType, List.of(), List.of(), List.of(), null, null, false);
        return new AuthorizedApp(UUID.randomUUID(), client, "profile", List.of(), null, null, via, List.of(), true);
    }

    @Test
    void deviceWebAndNativeAppsAreToldApart() {
        assertEquals("on a device", AccountTemplates.AppView.via(app(ClientInfo.PUBLIC, "device")));
        assertEquals("in an app", AccountTemplates.AppView.via(app(ClientInfo.PUBLIC, "web")));
        assertEquals("on the web", AccountTemplates.AppView.via(app(ClientInfo.CONFIDENTIAL, "web")));
    }
}
