package dev.olbot.rest.methods;

import dev.olbot.rest.methods.internal.Params;
import dev.olbot.rest.methods.message.Attach;
import dev.olbot.rest.methods.message.Keyboard;
import dev.olbot.rest.methods.message.Menu;
import java.util.Map;

/**
 * A message for {@code imbot.message.add} ({@code DIALOG_ID} + {@code MESSAGE}), also the payload
 * of {@code imbot.command.answer}.
 *
 * <pre>{@code
 * OutgoingMessage.to("chat112").text("Hello!").keyboard(kb)
 * }</pre>
 */
public final class OutgoingMessage {

    private final Params params = Params.create();

    private OutgoingMessage(String dialogId) {
        params.put("DIALOG_ID", dialogId);
    }

    /** To a dialog: a user id or {@code chat<N>} (an Open Line chat is {@code chat<CHAT_ID>}). */
    public static OutgoingMessage to(String dialogId) {
        return new OutgoingMessage(dialogId);
    }

    public OutgoingMessage text(String message) {
        params.put("MESSAGE", message);
        return this;
    }

    public OutgoingMessage botId(long botId) {
        params.put("BOT_ID", botId);
        return this;
    }

    public OutgoingMessage keyboard(Keyboard keyboard) {
        params.put("KEYBOARD", keyboard.toParam());
        return this;
    }

    public OutgoingMessage menu(Menu menu) {
        params.put("MENU", menu.toParam());
        return this;
    }

    public OutgoingMessage attach(Attach attach) {
        params.put("ATTACH", attach.toParam());
        return this;
    }

    public OutgoingMessage system(boolean system) {
        params.flag("SYSTEM", system);
        return this;
    }

    public OutgoingMessage urlPreview(boolean preview) {
        params.flag("URL_PREVIEW", preview);
        return this;
    }

    /** {@code SKIP_CONNECTOR=Y}: do not deliver to the Open Line's external channel. */
    public OutgoingMessage skipConnector(boolean skip) {
        params.flag("SKIP_CONNECTOR", skip);
        return this;
    }

    Map<String, Object> toParams() {
        return params.map();
    }
}
