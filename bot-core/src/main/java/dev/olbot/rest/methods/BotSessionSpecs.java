package dev.olbot.rest.methods;

import static dev.olbot.rest.methods.AuthNeed.CLIENT_ID_OR_BOT_TOKEN;
import static dev.olbot.rest.methods.MethodSpec.write;

import java.util.List;

/**
 * The four Open Line helpers for a bot ({@code imopenlines.bot.session.*}, scopes {@code imopenlines}
 * + {@code imbot}). Docs: {@code api-reference/imopenlines/openlines/chat-bots/imopenlines-bot-session-*.md};
 * REFERENCE §7. All take the numeric {@code CHAT_ID} (&gt; 0, else {@code CHAT_ID_EMPTY}) and answer {@code true}.
 */
public final class BotSessionSpecs {

    private static final String DIR = "api-reference/imopenlines/openlines/chat-bots/";

    public static final MethodSpec MESSAGE_SEND = write("imopenlines.bot.session.message.send")
            .requires("CHAT_ID").positive("CHAT_ID").optional("NAME", "MESSAGE")
            .doc(DIR + "imopenlines-bot-session-message-send.md").build();

    public static final MethodSpec OPERATOR = write("imopenlines.bot.session.operator")
            .requires("CHAT_ID").positive("CHAT_ID")
            .doc(DIR + "imopenlines-bot-session-operator.md").build();

    // the docs mark only CHAT_ID required, but the platform answers TRANSFER_ID_EMPTY
    // "Queue ID or User ID can't be empty" without a target; priority USER_ID -> QUEUE_ID -> TRANSFER_ID
    public static final MethodSpec TRANSFER = write("imopenlines.bot.session.transfer")
            .requires("CHAT_ID").positive("CHAT_ID", "USER_ID", "QUEUE_ID")
            .requiresAnyOf("USER_ID", "QUEUE_ID", "TRANSFER_ID")
            .optional("LEAVE")
            .auth(CLIENT_ID_OR_BOT_TOKEN).doc(DIR + "imopenlines-bot-session-transfer.md").build();

    public static final MethodSpec FINISH = write("imopenlines.bot.session.finish")
            .requires("CHAT_ID").positive("CHAT_ID")
            .auth(CLIENT_ID_OR_BOT_TOKEN).doc(DIR + "imopenlines-bot-session-finish.md").build();

    public static final List<MethodSpec> ALL = List.of(MESSAGE_SEND, OPERATOR, TRANSFER, FINISH);

    private BotSessionSpecs() {}
}
