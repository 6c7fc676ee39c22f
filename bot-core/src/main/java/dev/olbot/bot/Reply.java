package dev.olbot.bot;

import java.util.Objects;

/**
 * A message the bot sends: text plus optional keyboard, context menu and ATTACH, each any value
 * Jackson serializes to the documented JSON (a {@code Map}, a {@code JsonNode}, or a builder's
 * output).
 */
public record Reply(String text, Object keyboard, Object menu, Object attach, boolean system, boolean urlPreview,
        boolean skipConnector) {

    public static Reply text(String text) {
        return new Reply(Objects.requireNonNull(text, "text"), null, null, null, false, true, false);
    }

    /**
     * A message only the chat's employees see: posted in the open-line chat but not sent to the
     * client's channel ({@code SKIP_CONNECTOR=Y}; Chatbots 2.0 {@code skipConnector}) — e.g. a summary
     * for the operator who takes the dialog over.
     */
    public static Reply forOperatorOnly(String text) {
        return new Reply(Objects.requireNonNull(text, "text"), null, null, null, true, false, true);
    }

    public Reply keyboard(Object keyboard) {
        return new Reply(text, keyboard, menu, attach, system, urlPreview, skipConnector);
    }

    public Reply menu(Object menu) {
        return new Reply(text, keyboard, menu, attach, system, urlPreview, skipConnector);
    }

    public Reply attach(Object attach) {
        return new Reply(text, keyboard, menu, attach, system, urlPreview, skipConnector);
    }

    public Reply system(boolean system) {
        return new Reply(text, keyboard, menu, attach, system, urlPreview, skipConnector);
    }

    /** Not sent to the client's channel ({@code SKIP_CONNECTOR}). */
    public Reply skipConnector(boolean skipConnector) {
        return new Reply(text, keyboard, menu, attach, system, urlPreview, skipConnector);
    }

    public Reply urlPreview(boolean urlPreview) {
        return new Reply(text, keyboard, menu, attach, system, urlPreview, skipConnector);
    }
}
