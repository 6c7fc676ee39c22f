package dev.olbot.rest.methods;

import static dev.olbot.rest.methods.AuthNeed.CLIENT_ID;
import static dev.olbot.rest.methods.MethodSpec.read;
import static dev.olbot.rest.methods.MethodSpec.write;
import static dev.olbot.rest.methods.ResultKind.BOOLEAN;
import static dev.olbot.rest.methods.ResultKind.ID;
import static dev.olbot.rest.methods.ResultKind.MAP_BY_ID;
import static dev.olbot.rest.methods.ResultKind.OBJECT;

import java.util.List;

/**
 * Classic chat-bot methods ({@code imbot.*}, scope {@code imbot}). Docs:
 * {@code api-reference/chat-bots/outdated/{bots,messages,chats,commands}/imbot-*.md}; REFERENCE §3–4.
 * Deprecated by the platform in favour of {@code imbot.v2} but still served.
 */
public final class ImbotSpecs {

    private static final String DIR = "api-reference/chat-bots/outdated/";

    // bots/imbot-register.md: EVENT_HANDLER fills the three required handler URLs (REFERENCE §3.1, source)
    public static final MethodSpec REGISTER = write("imbot.register")
            .requires("CODE")
            .requiresAnyOf("EVENT_HANDLER", "EVENT_MESSAGE_ADD")
            .requiresAnyOf("EVENT_HANDLER", "EVENT_WELCOME_MESSAGE")
            .requiresAnyOf("EVENT_HANDLER", "EVENT_BOT_DELETE")
            .requires("PROPERTIES")
            .requiresAnyOf("PROPERTIES.NAME", "PROPERTIES.LAST_NAME")
            .optional("TYPE", "OPENLINE", "EVENT_MESSAGE_UPDATE", "EVENT_MESSAGE_DELETE")
            .auth(CLIENT_ID).returns(ID).doc(DIR + "bots/imbot-register.md").build();

    public static final MethodSpec UPDATE = write("imbot.update")
            .requires("BOT_ID", "FIELDS").positive("BOT_ID")
            .auth(CLIENT_ID).doc(DIR + "bots/imbot-update.md").build();

    public static final MethodSpec UNREGISTER = write("imbot.unregister")
            .requires("BOT_ID").positive("BOT_ID")
            .auth(CLIENT_ID).doc(DIR + "bots/imbot-unregister.md").build();

    public static final MethodSpec BOT_LIST = read("imbot.bot.list")
            .auth(CLIENT_ID).returns(MAP_BY_ID).doc(DIR + "bots/imbot-bot-list.md").build();

    // messages/imbot-message-add.md: DIALOG_ID, or FROM_USER_ID + TO_USER_ID (private-dialog mode)
    public static final MethodSpec MESSAGE_ADD = write("imbot.message.add")
            .requires(new Requirement(List.of(List.of("DIALOG_ID"), List.of("FROM_USER_ID", "TO_USER_ID"))))
            .requires("MESSAGE")
            .optional("BOT_ID", "ATTACH", "KEYBOARD", "MENU", "SYSTEM", "URL_PREVIEW", "SKIP_CONNECTOR")
            .positive("BOT_ID")
            .auth(CLIENT_ID).returns(ID).doc(DIR + "messages/imbot-message-add.md").build();

    public static final MethodSpec MESSAGE_UPDATE = write("imbot.message.update")
            .requires("MESSAGE_ID").positive("MESSAGE_ID", "BOT_ID")
            .optional("BOT_ID", "MESSAGE", "ATTACH", "KEYBOARD", "MENU", "URL_PREVIEW", "SKIP_CONNECTOR")
            .auth(CLIENT_ID).doc(DIR + "messages/imbot-message-update.md").build();

    public static final MethodSpec MESSAGE_DELETE = write("imbot.message.delete")
            .requires("MESSAGE_ID").positive("MESSAGE_ID", "BOT_ID")
            .optional("BOT_ID", "COMPLETE")
            .auth(CLIENT_ID).doc(DIR + "messages/imbot-message-delete.md").build();

    public static final MethodSpec CHAT_SEND_TYPING = write("imbot.chat.sendTyping")
            .requires("DIALOG_ID").optional("BOT_ID").positive("BOT_ID")
            .auth(CLIENT_ID).doc(DIR + "chats/imbot-chat-send-typing.md").build();

    public static final MethodSpec COMMAND_REGISTER = write("imbot.command.register")
            .requires("BOT_ID", "COMMAND", "EVENT_COMMAND_ADD", "LANG").positive("BOT_ID")
            .optional("COMMON", "HIDDEN", "EXTRANET_SUPPORT")
            .auth(CLIENT_ID).returns(ID).doc(DIR + "commands/imbot-command-register.md").build();

    public static final MethodSpec COMMAND_ANSWER = write("imbot.command.answer")
            .requiresAnyOf("COMMAND_ID", "COMMAND")
            .requires("MESSAGE_ID").positive("MESSAGE_ID", "COMMAND_ID")
            .optional("MESSAGE", "ATTACH", "KEYBOARD", "MENU", "SYSTEM", "URL_PREVIEW")
            .auth(CLIENT_ID).returns(ID).doc(DIR + "commands/imbot-command-answer.md").build();

    public static final MethodSpec COMMAND_UPDATE = write("imbot.command.update")
            .requires("COMMAND_ID", "FIELDS").positive("COMMAND_ID")
            .auth(CLIENT_ID).doc(DIR + "commands/imbot-command-update.md").build();

    public static final MethodSpec COMMAND_UNREGISTER = write("imbot.command.unregister")
            .requires("COMMAND_ID").positive("COMMAND_ID")
            .auth(CLIENT_ID).doc(DIR + "commands/imbot-command-unregister.md").build();

    public static final MethodSpec CHAT_USER_ADD = write("imbot.chat.user.add")
            .requires("CHAT_ID", "USERS").positive("CHAT_ID", "BOT_ID")
            .optional("HIDE_HISTORY", "BOT_ID")
            .auth(CLIENT_ID).doc(DIR + "chats/imbot-chat-user-add.md").build();

    public static final MethodSpec CHAT_LEAVE = write("imbot.chat.leave")
            .requires("CHAT_ID").positive("CHAT_ID", "BOT_ID").optional("BOT_ID")
            .auth(CLIENT_ID).doc(DIR + "chats/imbot-chat-leave.md").build();

    public static final MethodSpec DIALOG_GET = read("imbot.dialog.get")
            .requires("DIALOG_ID")
            .auth(CLIENT_ID).returns(OBJECT).doc(DIR + "chats/imbot-dialog-get.md").build();

    public static final List<MethodSpec> ALL = List.of(REGISTER, UPDATE, UNREGISTER, BOT_LIST, MESSAGE_ADD,
            MESSAGE_UPDATE, MESSAGE_DELETE, CHAT_SEND_TYPING, COMMAND_REGISTER, COMMAND_ANSWER, COMMAND_UPDATE,
            COMMAND_UNREGISTER, CHAT_USER_ADD, CHAT_LEAVE, DIALOG_GET);

    private ImbotSpecs() {}
}
