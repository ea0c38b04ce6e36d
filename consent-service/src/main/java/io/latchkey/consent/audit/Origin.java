package io.latchkey.consent.audit;

/** Where a browser request came from, for the audit trail and rate limits. */
public record Origin(String ip, String userAgent) {

    private static final int MAX_USER_AGENT = 512;

    public Origin {
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
    }
}
