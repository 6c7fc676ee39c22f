package dev.olbot.bot;

import java.util.Objects;

/**
 * A message the bot sends: text plus optional keyboard, context menu and ATTACH, each any value
 * Jackson serializes to the documented JSON (a {@code Map}, a {@code JsonNode}, or a builder's
 * output).
 */
public record Reply(String text, Object keyboard, Object menu, Object attach, boolean system, boolean urlPreview) {

    public static Reply text(String text) {
        return new Reply(Objects.requireNonNull(text, "text"), null, null, null, false, true);
    }

    public Reply keyboard(Object keyboard) {
        return new Reply(text, keyboard, menu, attach, system, urlPreview);
    }

    public Reply menu(Object menu) {
        return new Reply(text, keyboard, menu, attach, system, urlPreview);
    }

    public Reply attach(Object attach) {
        return new Reply(text, keyboard, menu, attach, system, urlPreview);
    }

    public Reply system(boolean system) {
        return new Reply(text, keyboard, menu, attach, system, urlPreview);
    }

    public Reply urlPreview(boolean urlPreview) {
        return new Reply(text, keyboard, menu, attach, system, urlPreview);
    }
}
