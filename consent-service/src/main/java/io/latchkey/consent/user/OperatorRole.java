package io.latchkey.consent.user;

import java.util.Set;

import io.latchkey.common.Scopes;

/**
 * Scope {@code admin} opens the admin API; of all users only operators may ever hold it (issue 12). The check is
 * made where a grant is written ({@code Grants.authorize}), and earlier in each flow for a clear answer: the
 * authorization code flow redirects {@code invalid_scope}, the device page refuses the approval.
 */
public final class OperatorRole {

    public static final String ADMIN_SCOPE = "admin";

    private OperatorRole() {
    }

    public static boolean asksForAdmin(String scope) {
        return Scopes.parse(scope).contains(ADMIN_SCOPE);
    }

    public static boolean asksForAdmin(Set<String> scopes) {
        return scopes.contains(ADMIN_SCOPE);
    }

    /** Whether this user may be granted {@code scope}: anything but admin, and admin only as an active operator. */
    public static boolean mayBeGranted(User user, String scope) {
        return user != null && !user.disabled && (user.operator || !asksForAdmin(scope));
    }
}
