package dev.olbot.rest;

/**
 * The OAuth server refused the stored refresh token ({@code invalid_grant}): it expired (180 days)
 * or was already used. No call can succeed for this portal until the application is installed
 * (or opened) on it again, which delivers a fresh token pair.
 */
public class ReinstallRequiredException extends RestException {

    private final String portal;

    public ReinstallRequiredException(String method, String portal, int httpStatus, String error, String description) {
        super(method, httpStatus, error, "the portal " + portal + " must reinstall the application: the refresh token was refused"
                + (description == null || description.isEmpty() ? "" : " (" + description + ")"));
        this.portal = portal;
    }

    /** The portal key ({@code member_id}) that needs a reinstall. */
    public String portal() {
        return portal;
    }
}
