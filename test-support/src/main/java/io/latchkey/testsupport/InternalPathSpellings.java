package io.latchkey.testsupport;

import java.util.List;

/**
 * Every way of spelling {@code /internal/<rest>} that some layer might route while another checks something else:
 * percent-encoded letters and dots, dot and empty segments, matrix parameters, letter case, trailing dots, encoded
 * slashes and backslashes, double encoding, NUL. Each service's tests send all of them without the internal secret.
 */
public final class InternalPathSpellings {

    private InternalPathSpellings() {
    }

    /** {@code rest} is the part after {@code /internal/}, e.g. {@code tokens} or {@code clients/latchkey-cli}. */
    public static List<String> of(String rest) {
        return List.of(
                "/%69nternal/" + rest,
                "/%49nternal/" + rest,
                "/inte%72nal/" + rest,
                "/%2e/internal/" + rest,
                "/%2E/internal/" + rest,
                "/%2e%2e/internal/" + rest,
                "/./internal/" + rest,
                "/x/../internal/" + rest,
                "/x/%2e%2e/internal/" + rest,
                "/internal/./" + rest,
                "//internal/" + rest,
                "/internal//" + rest,
                "/internal;x=1/" + rest,
                "/internal/" + rest + ";x=1",
                "/internal%3bx=1/" + rest,
                "/INTERNAL/" + rest,
                "/Internal/" + rest,
                "/internal./" + rest,
                "/internal../" + rest,
                "/internal%20/" + rest,
                "/%2finternal/" + rest,
                "/x%2f..%2finternal/" + rest,
                "/internal%2f" + rest,
                "/%5cinternal/" + rest,
                "/%252e/internal/" + rest,
                "/%2569nternal/" + rest,
                "/%25%36%39nternal/" + rest,
                "/internal%00/" + rest,
                "/internal/" + rest + "%00",
                "/internal/" + rest + "/",
                "/internal/" + rest + ".");
    }
}
