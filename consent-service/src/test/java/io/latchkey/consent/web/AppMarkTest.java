package io.latchkey.consent.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AppMarkTest {

    @Test
    void anHttpsLogoIsAnImageNamedByItsAlt() {
        String html = AppMark.html("c1", "Acme \"DB\"", "https://acme.example/logo.png?a=1&b=2").getValue();
        assertEquals("<img class=\"app-mark\" src=\"https://acme.example/logo.png?a=1&amp;b=2\" "
                + "alt=\"Acme &quot;DB&quot; logo\" width=\"48\" height=\"48\">", html);
    }

    @Test
    void aSameOriginPathIsKeptButNothingElse() {
        assertEquals("/static/x.svg", AppMark.safe("/static/x.svg"));
        assertNull(AppMark.safe("//evil.example/x.png"), "protocol-relative is another origin");
        assertNull(AppMark.safe("/\\evil.example/x.png"));
        assertNull(AppMark.safe("http://acme.example/logo.png"), "no mixed content");
        assertNull(AppMark.safe("javascript:alert(1)"));
        assertNull(AppMark.safe("data:image/svg+xml,<svg onload=alert(1)>"));
        assertNull(AppMark.safe("https://acme.example/a b.png"), "no whitespace");
        assertNull(AppMark.safe("https://"));
        assertNull(AppMark.safe("https://a.example/" + "x".repeat(3000)));
    }

    @Test
    void withoutALogoTheFirstLetterOnAColourOfTheClientId() {
        String html = AppMark.html("latchkey-cli", "latchkey CLI", null).getValue();
        assertTrue(html.startsWith("<span class=\"app-mark app-mark-letter app-mark-"), html);
        assertTrue(html.contains("role=\"img\" aria-label=\"latchkey CLI\">L</span>"), html);
        assertFalse(html.contains("src="), "nothing is fetched");
        assertEquals(html, AppMark.html("latchkey-cli", "latchkey CLI", "javascript:x").getValue());
        assertEquals(AppMark.colourIndex("latchkey-cli"), AppMark.colourIndex("latchkey-cli"));
        boolean differ = false;
        for (String id : new String[] {"a", "b", "c", "d", "e"}) {
            differ |= AppMark.colourIndex(id) != AppMark.colourIndex("latchkey-cli");
        }
        assertTrue(differ, "the colour depends on the client id");
    }

    @Test
    void theLetterIsEscapedAndSkipsPunctuation() {
        assertEquals("Z", AppMark.letter("  (zeta)"));
        assertEquals("?", AppMark.letter("--"));
        assertTrue(AppMark.html("x", "<b>", null).getValue().contains("aria-label=\"&lt;b&gt;\">B</span>"));
        assertTrue(AppMark.html("x", "", null).getValue().contains("aria-label=\"x\">X</span>"));
    }
}
