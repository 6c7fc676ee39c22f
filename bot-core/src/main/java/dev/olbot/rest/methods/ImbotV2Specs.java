package dev.olbot.rest.methods;

import static dev.olbot.rest.methods.AuthNeed.BOT_TOKEN;
import static dev.olbot.rest.methods.MethodSpec.read;
import static dev.olbot.rest.methods.MethodSpec.write;
import static dev.olbot.rest.methods.ResultKind.BOOLEAN;
import static dev.olbot.rest.methods.ResultKind.OBJECT;

import java.util.List;

/**
 * Chatbots 2.0 ({@code imbot.v2.*}): camelCase parameters, {@code botToken} on webhook calls. Docs:
 * {@code api-reference/chat-bots/chat-bots-v2/imbot.v2/{bots,events,messages}/*.md}; REFERENCE §9.
 */
public final class ImbotV2Specs {

    private static final String DIR = "api-reference/chat-bots/chat-bots-v2/imbot.v2/";

    public static final MethodSpec BOT_REGISTER = write("imbot.v2.Bot.register")
            .requires("fields", "fields.code", "fields.properties", "fields.properties.name")
            .auth(BOT_TOKEN).returns(OBJECT).doc(DIR + "bots/bot-register.md").build();

    public static final MethodSpec BOT_UPDATE = write("imbot.v2.Bot.update")
            .requires("botId", "fields").positive("botId")
            .auth(BOT_TOKEN).returns(OBJECT).doc(DIR + "bots/bot-update.md").build();

    public static final MethodSpec BOT_UNREGISTER = write("imbot.v2.Bot.unregister")
            .requires("botId").positive("botId")
            .auth(BOT_TOKEN).returns(OBJECT).doc(DIR + "bots/bot-unregister.md").build();

    public static final MethodSpec BOT_LIST = read("imbot.v2.Bot.list")
            .optional("filter", "limit", "offset")
            .auth(BOT_TOKEN).returns(OBJECT).doc(DIR + "bots/bot-list.md").build();

    public static final MethodSpec EVENT_GET = read("imbot.v2.Event.get")
            .requires("botId").positive("botId")
            .optional("offset", "limit", "withUserEvents")
            .auth(BOT_TOKEN).returns(OBJECT).doc(DIR + "events/event-get.md").build();

    public static final MethodSpec CHAT_MESSAGE_SEND = write("imbot.v2.Chat.Message.send")
            .requires("botId", "dialogId").positive("botId")
            .optional("fields")
            .auth(BOT_TOKEN).returns(OBJECT).doc(DIR + "messages/chat-message-send.md").build();

    public static final MethodSpec CHAT_MESSAGE_UPDATE = write("imbot.v2.Chat.Message.update")
            .requires("botId", "messageId", "fields").positive("botId", "messageId")
            .auth(BOT_TOKEN).returns(OBJECT).doc(DIR + "messages/chat-message-update.md").build();

    public static final MethodSpec CHAT_MESSAGE_DELETE = write("imbot.v2.Chat.Message.delete")
            .requires("botId", "messageId").positive("botId", "messageId")
            .optional("complete")
            .auth(BOT_TOKEN).returns(BOOLEAN).doc(DIR + "messages/chat-message-delete.md").build();

    public static final MethodSpec INPUT_ACTION_NOTIFY = write("imbot.v2.Chat.InputAction.notify")
            .requires("botId", "dialogId").positive("botId")
            .optional("statusMessageCode", "duration")
            .auth(BOT_TOKEN).returns(BOOLEAN).doc(DIR + "ui/chat-input-action-notify.md").build();

    public static final MethodSpec COMMAND_ANSWER = write("imbot.v2.Command.answer")
            .requires("botId", "commandId", "messageId", "dialogId").positive("botId", "commandId", "messageId")
            .optional("fields")
            .auth(BOT_TOKEN).returns(OBJECT).doc(DIR + "commands/command-answer.md").build();

    public static final List<MethodSpec> ALL = List.of(BOT_REGISTER, BOT_UPDATE, BOT_UNREGISTER, BOT_LIST,
            EVENT_GET, CHAT_MESSAGE_SEND, CHAT_MESSAGE_UPDATE, CHAT_MESSAGE_DELETE, INPUT_ACTION_NOTIFY, COMMAND_ANSWER);

    private ImbotV2Specs() {}
}
