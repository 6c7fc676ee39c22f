package dev.olbot.testkit;

/** A user of a fake portal: an employee (operator), a bot, or an external client (connector user). */
public record PortalUser(int id, String name, String firstName, String lastName, String gender, String workPosition,
                         boolean bot, boolean connector) {

    /** "Anna Petrova" becomes first name Anna, last name Petrova. */
    static PortalUser of(int id, String fullName, boolean bot, boolean connector) {
        String[] parts = fullName.trim().split("\\s+", 2);
        return new PortalUser(id, fullName.trim(), parts[0], parts.length > 1 ? parts[1] : "", "", "", bot, connector);
    }
}
