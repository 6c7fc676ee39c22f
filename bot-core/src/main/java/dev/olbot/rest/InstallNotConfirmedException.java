package dev.olbot.rest;

/**
 * An {@code ONAPPINSTALL} that the trusted authorisation server did not confirm: its access token
 * is unknown there, belongs to another application or another portal, or names other endpoints
 * than the event. Nothing of such an install is stored. The message is one line and holds no secret.
 */
public final class InstallNotConfirmedException extends RuntimeException {

    private final String portal;

    public InstallNotConfirmedException(String portal, String reason) {
        super("install of portal " + portal + " not confirmed: " + reason, null, false, false);
        this.portal = portal;
    }

    /** The {@code member_id} the event claimed. */
    public String portal() {
        return portal;
    }
}
