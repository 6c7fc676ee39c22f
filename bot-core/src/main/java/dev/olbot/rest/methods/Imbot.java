package dev.olbot.rest.methods;

import com.fasterxml.jackson.databind.JsonNode;
import dev.olbot.rest.methods.internal.Invoker;
import dev.olbot.rest.methods.internal.Params;
import dev.olbot.rest.methods.internal.Results;
import dev.olbot.rest.methods.result.BotInfo;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * Classic bot methods ({@code imbot.*}); see {@link ImbotSpecs}. Every method validates before
 * calling (throwing {@link IllegalArgumentException}) and completes on the caller's context.
 * {@code CLIENT_ID} and the default {@code BOT_ID} come from {@link OpenLinesApi}.
 */
public final class Imbot {

    private final Invoker invoker;

    Imbot(Invoker invoker) {
        this.invoker = invoker;
    }

    /** Registers a bot; the future holds the new {@code BOT_ID}. */
    public Future<Long> register(BotRegistration registration) {
        return invoker.call(ImbotSpecs.REGISTER, registration.toParams(), Results::id);
    }

    /** Changes a bot; {@code fields} is the documented {@code FIELDS} object ({@code CODE}, {@code EVENT_HANDLER}, {@code PROPERTIES} …). */
    public Future<Boolean> update(long botId, Map<String, ?> fields) {
        return invoker.call(ImbotSpecs.UPDATE, Params.of("BOT_ID", botId, "FIELDS", fields), Results::bool);
    }

    public Future<Boolean> unregister(long botId) {
        return invoker.call(ImbotSpecs.UNREGISTER, Params.of("BOT_ID", botId), Results::bool);
    }

    /** The portal's bots keyed by id; empty when the platform answers {@code []}. */
    public Future<Map<Long, BotInfo>> list() {
        return invoker.call(ImbotSpecs.BOT_LIST, Params.of(), r -> Results.mapById(r, BotInfo::from));
    }

    /** Posts a message; the future holds the new message id. */
    public Future<Long> send(OutgoingMessage message) {
        return invoker.call(ImbotSpecs.MESSAGE_ADD, message.toParams(), Results::id);
    }

    /** Shortcut for {@code send(OutgoingMessage.to(dialogId).text(text))}. */
    public Future<Long> send(String dialogId, String text) {
        return send(OutgoingMessage.to(dialogId).text(text));
    }

    /**
     * Edits a message. {@code changes} holds {@code MESSAGE}, {@code ATTACH}, {@code KEYBOARD},
     * {@code MENU}, {@code URL_PREVIEW}…; an empty {@code MESSAGE} deletes the message, {@code "N"}
     * for {@code KEYBOARD}/{@code MENU} removes them.
     */
    public Future<Boolean> update(long messageId, OutgoingMessage changes) {
        Map<String, Object> params = Params.create().put("MESSAGE_ID", messageId).putAll(changes.toParams()).map();
        params.remove("DIALOG_ID");
        return invoker.call(ImbotSpecs.MESSAGE_UPDATE, params, Results::bool);
    }

    public Future<Boolean> updateMessage(long messageId, Map<String, ?> changes) {
        return invoker.call(ImbotSpecs.MESSAGE_UPDATE, Params.create().put("MESSAGE_ID", messageId).putAll(changes).map(), Results::bool);
    }

    /** Deletes a message; {@code complete} removes it without a deletion mark. */
    public Future<Boolean> delete(long messageId, boolean complete) {
        return invoker.call(ImbotSpecs.MESSAGE_DELETE,
                Params.create().put("MESSAGE_ID", messageId).flag("COMPLETE", complete).map(), Results::bool);
    }

    /** Shows "typing…" in a dialog (the platform does not do it for you in Open Line chats). */
    public Future<Boolean> sendTyping(String dialogId) {
        return invoker.call(ImbotSpecs.CHAT_SEND_TYPING, Params.of("DIALOG_ID", dialogId), Results::bool);
    }

    /** Registers a command; the future holds the command id. */
    public Future<Long> registerCommand(CommandRegistration command) {
        return invoker.call(ImbotSpecs.COMMAND_REGISTER, command.toParams(), Results::id);
    }

    /** Answers {@code ONIMCOMMANDADD}; {@code answer}'s dialog is ignored. The future holds the reply's message id. */
    public Future<Long> answerCommand(long commandId, long messageId, OutgoingMessage answer) {
        Map<String, Object> params = Params.create().put("COMMAND_ID", commandId).put("MESSAGE_ID", messageId)
                .putAll(answer.toParams()).map();
        params.remove("DIALOG_ID");
        params.remove("BOT_ID");
        params.remove("SKIP_CONNECTOR");
        return invoker.call(ImbotSpecs.COMMAND_ANSWER, params, Results::id);
    }

    /** {@code fields}: {@code COMMAND}, {@code EVENT_COMMAND_ADD}, {@code HIDDEN}, {@code EXTRANET_SUPPORT}, {@code LANG}. */
    public Future<Boolean> updateCommand(long commandId, Map<String, ?> fields) {
        return invoker.call(ImbotSpecs.COMMAND_UPDATE, Params.of("COMMAND_ID", commandId, "FIELDS", fields), Results::bool);
    }

    public Future<Boolean> unregisterCommand(long commandId) {
        return invoker.call(ImbotSpecs.COMMAND_UNREGISTER, Params.of("COMMAND_ID", commandId), Results::bool);
    }

    /** Adds users (or another bot) to a chat, e.g. to hand an Open Line dialog to another bot. */
    public Future<Boolean> addChatUsers(long chatId, List<Long> users) {
        return invoker.call(ImbotSpecs.CHAT_USER_ADD, Params.of("CHAT_ID", chatId, "USERS", users), Results::bool);
    }

    public Future<Boolean> leaveChat(long chatId) {
        return invoker.call(ImbotSpecs.CHAT_LEAVE, Params.of("CHAT_ID", chatId), Results::bool);
    }

    /** Chat data by {@code DIALOG_ID} (untyped: the documented object is large and version-dependent). */
    public Future<JsonNode> dialog(String dialogId) {
        return invoker.call(ImbotSpecs.DIALOG_GET, Params.of("DIALOG_ID", dialogId), r -> r);
    }
}
