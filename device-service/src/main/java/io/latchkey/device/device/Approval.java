package io.latchkey.device.device;

/** The user's approval: who approved, under which grant, for which scope (blank = everything requested). */
public record Approval(String subject, String grantId, String scope) {
}
