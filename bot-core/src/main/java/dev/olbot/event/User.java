package dev.olbot.event;

import java.util.Optional;

/**
 * The user behind an event ({@code data[USER]} / v2 {@code data.user}).
 *
 * @param connector true when this is the external client of an open line ({@code IS_CONNECTOR=Y})
 */
public record User(
        long id,
        String name,
        Optional<String> firstName,
        Optional<String> lastName,
        Optional<String> gender,
        Optional<String> workPosition,
        boolean bot,
        boolean connector,
        boolean extranet,
        boolean network) {

    public static final User NOBODY = new User(0, "", Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), false, false, false, false);
}
