package io.latchkey.consent.partner;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.latchkey.common.Form;
import io.latchkey.common.client.ClientMetadata;
import io.latchkey.common.client.ClientMetadataRules;
import io.latchkey.common.error.OAuthException;
import io.latchkey.common.Scopes;

/**
 * The partner application form ({@code /partners/apply}) read and checked server-side. The client it asks for is
 * checked by the same rules token-service applies when the client is created (oauth-common
 * {@link ClientMetadataRules}: redirect URIs per RFC 9700 §4.1 and RFC 8252, grants per app type, known scopes), so
 * an application that passes here can be approved as it stands.
 */
public record PartnerForm(String appName, String description, String homepageUri, String logoUri, String appType,
                          List<String> redirectUris, List<String> scopes, String contactEmail) {

    public static final int MAX_DESCRIPTION = 1000;
    public static final int MAX_APP_NAME = 100;
    /** The form has this many redirect URI fields (one URI each: the strict form reader refuses line breaks). */
    public static final int MAX_URIS = 5;

    /** What the form sent, before any check (for showing it again next to an error). */
    public static PartnerForm read(Form form) {
        List<String> scopes = form.all("scope");
        List<String> uris = form.all("redirect_uri");
        return new PartnerForm(form.optional("app_name"), form.optional("description"), form.optional("homepage_uri"),
                form.optional("logo_uri"), form.optional("app_type"), uris == null ? List.of() : List.copyOf(uris),
                scopes == null ? List.of() : List.copyOf(scopes), form.optional("contact_email"));
    }

    public static PartnerForm empty() {
        return new PartnerForm(null, null, null, null, null, List.of(), List.of(), null);
    }

    /** A checked application, or the first problem in words fit for the form. */
    public record Checked(PartnerForm form, AppType type, List<String> uris, String scope, String problem) {
    }

    public Checked check(Set<String> offeredScopes) {
        if (appName == null || appName.isBlank() || appName.length() > MAX_APP_NAME) {
            return problem("Give the app a name of at most " + MAX_APP_NAME + " characters.");
        }
        if (description == null || description.isBlank() || description.length() > MAX_DESCRIPTION) {
            return problem("Describe the app in at most " + MAX_DESCRIPTION + " characters.");
        }
        AppType type = AppType.of(appType);
        if (type == null) {
            return problem("Choose what kind of app it is.");
        }
        if (homepageUri == null) {
            return problem("The homepage is required (an https URL).");
        }
        if (contactEmail == null) {
            return problem("A contact email is required.");
        }
        List<String> uris = uris();
        if (uris.size() > MAX_URIS) {
            return problem("At most " + MAX_URIS + " redirect URIs.");
        }
        if (!type.redirects() && !uris.isEmpty()) {
            return problem("A " + type.label().toLowerCase(java.util.Locale.ROOT)
                    + " signs in without redirects: leave the redirect URIs empty.");
        }
        Set<String> chosen = new LinkedHashSet<>(scopes);
        if (chosen.isEmpty()) {
            return problem("Choose at least one scope.");
        }
        if (!offeredScopes.containsAll(chosen)) {
            return problem("Choose only the scopes offered.");
        }
        String scope = Scopes.format(chosen);
        try {
            ClientMetadataRules.validate(metadata(type, uris, scope, null), offeredScopes);
        } catch (OAuthException e) {
            return problem(e.description());
        }
        return new Checked(this, type, uris, scope, null);
    }

    /** The client to register for an application (owner: the applicant). */
    public static ClientMetadata metadata(AppType type, List<String> uris, String scope, PartnerApplication app,
                                          String owner) {
        return new ClientMetadata(null, app.appName, type.redirects() ? uris : null, type.grantTypes(), null,
                type.authMethod(), scope, app.homepageUri, app.logoUri, List.of(app.contactEmail), owner, false);
    }

    private ClientMetadata metadata(AppType type, List<String> uris, String scope, String owner) {
        return new ClientMetadata(null, appName.strip(), type.redirects() ? uris : null, type.grantTypes(), null,
                type.authMethod(), scope, homepageUri, logoUri, List.of(contactEmail.strip()), owner, false);
    }

    /** The redirect URIs given, empty fields ignored. */
    public List<String> uris() {
        List<String> out = new ArrayList<>();
        for (String uri : redirectUris) {
            if (!uri.isBlank()) {
                out.add(uri.strip());
            }
        }
        return out;
    }

    /** The value of the i-th redirect URI field (for showing the form again). */
    public List<String> uriFields() {
        List<String> fields = new ArrayList<>(redirectUris);
        while (fields.size() < MAX_URIS) {
            fields.add("");
        }
        return fields.subList(0, Math.max(MAX_URIS, redirectUris.size()));
    }

    private Checked problem(String message) {
        return new Checked(this, null, List.of(), null, message);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
