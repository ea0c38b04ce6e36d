package io.latchkey.consent.web;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import io.latchkey.common.contract.ClientInfo;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;

/**
 * An app's logo as html: the operator-supplied {@code logo_uri} when it is https or a same-origin path, else a letter
 * mark (the first letter of the name on a colour derived from the client id, nothing fetched). Both are 48 px
 * (CSS {@code .app-mark}); the image's {@code alt} and the mark's {@code aria-label} name the app.
 * In a template: {@code {client.mark}} for a {@link ClientInfo}, or {@code AppMark.html(...)} from a view record.
 */
public final class AppMark {

    /** Eight background colours, each with at least 4.5:1 contrast to the white letter (WCAG 2.1 §1.4.3). */
    static final String[] COLOURS = {
            "#2952cc", "#b42318", "#067647", "#6941c6", "#b54708", "#0e7090", "#c11574", "#475467"};

    private AppMark() {
    }

    /** {@code {client.mark}} in a template. */
    @TemplateExtension
    static RawString mark(ClientInfo client) {
        return html(client.clientId(), client.displayName(), client.logoUri());
    }

    public static RawString html(String clientId, String name, String logoUri) {
        String label = name == null || name.isBlank() ? (clientId == null ? "app" : clientId) : name;
        String logo = safe(logoUri);
        if (logo != null) {
            return new RawString("<img class=\"app-mark\" src=\"" + escape(logo) + "\" alt=\"" + escape(label)
                    + " logo\" width=\"48\" height=\"48\">");
        }
        return new RawString("<span class=\"app-mark app-mark-letter app-mark-" + colourIndex(clientId)
                + "\" role=\"img\" aria-label=\"" + escape(label) + "\">" + escape(letter(label)) + "</span>");
    }

    /** https URLs, or a path on this origin ({@code /...}, never {@code //host} or a backslash); nothing else. */
    static String safe(String logoUri) {
        if (logoUri == null || logoUri.length() > 2048 || logoUri.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return null;
        }
        if (logoUri.startsWith("https://") && logoUri.length() > "https://".length()) {
            return logoUri;
        }
        if (logoUri.startsWith("/") && !logoUri.startsWith("//") && logoUri.indexOf('\\') < 0) {
            return logoUri;
        }
        return null;
    }

    /** The first letter or digit of the name, upper case; "?" when it has none. */
    static String letter(String name) {
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                return new String(Character.toChars(cp)).toUpperCase(java.util.Locale.ROOT);
            }
            i += Character.charCount(cp);
        }
        return "?";
    }

    /** The same client id always gets the same colour (CRC-32 of its UTF-8 bytes). */
    static int colourIndex(String clientId) {
        CRC32 crc = new CRC32();
        crc.update((clientId == null ? "" : clientId).getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % COLOURS.length);
    }

    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
