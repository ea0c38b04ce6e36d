package io.latchkey.device.device;

/**
 * The user's approval: who approved, under which grant, for which scope (blank = everything requested), and the
 * OpenID Connect sign-in for the ID Token (null without openid).
 */
public record UserApproval(String subject, String grantId, String scope, io.latchkey.common.oidc.Identity identity) {

    public UserApproval(String subject, String grantId, String scope) {
        this(subject, grantId, scope, null);
    }
}
