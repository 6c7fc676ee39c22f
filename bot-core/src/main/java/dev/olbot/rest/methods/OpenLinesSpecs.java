package dev.olbot.rest.methods;

import static dev.olbot.rest.methods.MethodSpec.read;
import static dev.olbot.rest.methods.MethodSpec.write;
import static dev.olbot.rest.methods.ResultKind.ARRAY;
import static dev.olbot.rest.methods.ResultKind.ID;
import static dev.olbot.rest.methods.ResultKind.OBJECT;

import java.util.List;

/**
 * Open Lines methods ({@code imopenlines.*}, scope {@code imopenlines}) other than the bot helpers.
 * Docs: {@code api-reference/imopenlines/openlines/} — the page is named after the method, e.g.
 * {@code sessions/imopenlines-session-history-get.md}; REFERENCE §8.
 */
public final class OpenLinesSpecs {

    private static final String DIR = "api-reference/imopenlines/openlines/";

    // lines (config): imopenlines-config-*.md, imopenlines-network-join.md, imopenlines-revision-get.md
    public static final MethodSpec CONFIG_ADD = write("imopenlines.config.add")
            .optional("PARAMS").returns(ID).doc(DIR + "imopenlines-config-add.md").build();
    public static final MethodSpec CONFIG_GET = read("imopenlines.config.get")
            .requires("CONFIG_ID").positive("CONFIG_ID").optional("WITH_QUEUE", "SHOW_OFFLINE")
            .returns(OBJECT).doc(DIR + "imopenlines-config-get.md").build();
    public static final MethodSpec CONFIG_LIST_GET = read("imopenlines.config.list.get")
            .optional("PARAMS", "OPTIONS").returns(ARRAY).doc(DIR + "imopenlines-config-list-get.md").build();
    public static final MethodSpec CONFIG_UPDATE = write("imopenlines.config.update")
            .requires("CONFIG_ID").positive("CONFIG_ID").optional("PARAMS")
            .doc(DIR + "imopenlines-config-update.md").build();
    public static final MethodSpec CONFIG_DELETE = write("imopenlines.config.delete")
            .requires("CONFIG_ID").positive("CONFIG_ID").doc(DIR + "imopenlines-config-delete.md").build();
    public static final MethodSpec CONFIG_PATH_GET = read("imopenlines.config.path.get")
            .returns(OBJECT).doc(DIR + "imopenlines-config-path-get.md").build();
    public static final MethodSpec NETWORK_JOIN = write("imopenlines.network.join")
            .requires("CODE").returns(ID).doc(DIR + "imopenlines-network-join.md").build();
    public static final MethodSpec REVISION_GET = read("imopenlines.revision.get")
            .returns(OBJECT).doc(DIR + "imopenlines-revision-get.md").build();

    // sessions/: "You only need to provide one of the parameters"
    public static final MethodSpec DIALOG_GET = read("imopenlines.dialog.get")
            .requiresAnyOf("CHAT_ID", "DIALOG_ID", "SESSION_ID", "USER_CODE").positive("CHAT_ID", "SESSION_ID")
            .returns(OBJECT).doc(DIR + "sessions/imopenlines-dialog-get.md").build();
    public static final MethodSpec SESSION_HISTORY_GET = read("imopenlines.session.history.get")
            .requiresAnyOf("SESSION_ID", "CHAT_ID").positive("CHAT_ID", "SESSION_ID")
            .returns(OBJECT).doc(DIR + "sessions/imopenlines-session-history-get.md").build();
    public static final MethodSpec SESSION_START = chatWrite("imopenlines.session.start", "sessions/imopenlines-session-start.md");
    public static final MethodSpec SESSION_OPEN = read("imopenlines.session.open")
            .requires("USER_CODE").returns(OBJECT).doc(DIR + "sessions/imopenlines-session-open.md").build();
    public static final MethodSpec SESSION_JOIN = chatWrite("imopenlines.session.join", "sessions/imopenlines-session-join.md");
    public static final MethodSpec SESSION_INTERCEPT = chatWrite("imopenlines.session.intercept", "sessions/imopenlines-session-intercept.md");
    public static final MethodSpec SESSION_MODE_PIN = write("imopenlines.session.mode.pin")
            .requires("CHAT_ID").positive("CHAT_ID").optional("ACTIVATE")
            .doc(DIR + "sessions/imopenlines-session-mode-pin.md").build();
    public static final MethodSpec SESSION_MODE_PIN_ALL = write("imopenlines.session.mode.pinAll")
            .returns(ARRAY).doc(DIR + "sessions/imopenlines-session-mode-pin-all.md").build();
    public static final MethodSpec SESSION_MODE_UNPIN_ALL = write("imopenlines.session.mode.unpinAll")
            .returns(ARRAY).doc(DIR + "sessions/imopenlines-session-mode-unpin-all.md").build();
    public static final MethodSpec SESSION_MODE_SILENT = write("imopenlines.session.mode.silent")
            .requires("CHAT_ID").positive("CHAT_ID").optional("ACTIVATE")
            .doc(DIR + "sessions/imopenlines-session-mode-silent.md").build();
    public static final MethodSpec SESSION_HEAD_VOTE = write("imopenlines.session.head.vote")
            .requires("SESSION_ID").positive("SESSION_ID").optional("RATING", "COMMENT")
            .doc(DIR + "sessions/imopenlines-session-head-vote.md").build();
    public static final MethodSpec MESSAGE_SESSION_START = write("imopenlines.message.session.start")
            .requires("CHAT_ID", "MESSAGE_ID").positive("CHAT_ID", "MESSAGE_ID")
            .doc(DIR + "sessions/imopenlines-message-session-start.md").build();
    public static final MethodSpec CRM_LEAD_CREATE = chatWrite("imopenlines.crm.lead.create", "sessions/imopenlines-crm-lead-create.md");

    // operators/imopenlines-operator-*.md
    public static final MethodSpec OPERATOR_ANSWER = chatWrite("imopenlines.operator.answer", "operators/imopenlines-operator-answer.md");
    public static final MethodSpec OPERATOR_FINISH = chatWrite("imopenlines.operator.finish", "operators/imopenlines-operator-finish.md");
    public static final MethodSpec OPERATOR_ANOTHER_FINISH = chatWrite("imopenlines.operator.another.finish", "operators/imopenlines-operator-another-finish.md");
    public static final MethodSpec OPERATOR_SKIP = chatWrite("imopenlines.operator.skip", "operators/imopenlines-operator-skip.md");
    public static final MethodSpec OPERATOR_SPAM = chatWrite("imopenlines.operator.spam", "operators/imopenlines-operator-spam.md");
    public static final MethodSpec OPERATOR_TRANSFER = write("imopenlines.operator.transfer")
            .requires("CHAT_ID").positive("CHAT_ID", "USER_ID", "QUEUE_ID")
            .requiresAnyOf("TRANSFER_ID", "USER_ID", "QUEUE_ID")
            .doc(DIR + "operators/imopenlines-operator-transfer.md").build();

    // chats/imopenlines-crm-chat-*.md, messages/imopenlines-crm-message-add.md, messages/imopenlines-message-quick-save.md
    public static final MethodSpec CRM_CHAT_GET = read("imopenlines.crm.chat.get")
            .requires("CRM_ENTITY_TYPE", "CRM_ENTITY").optional("ACTIVE_ONLY")
            .returns(ARRAY).doc(DIR + "chats/imopenlines-crm-chat-get.md").build();
    public static final MethodSpec CRM_CHAT_GET_LAST_ID = read("imopenlines.crm.chat.getLastId")
            .requires("CRM_ENTITY_TYPE", "CRM_ENTITY")
            .returns(ID).doc(DIR + "chats/imopenlines-crm-chat-get-last-id.md").build();
    public static final MethodSpec CRM_CHAT_USER_ADD = write("imopenlines.crm.chat.user.add")
            .requires("CRM_ENTITY_TYPE", "CRM_ENTITY", "USER_ID").positive("USER_ID", "CHAT_ID").optional("CHAT_ID")
            .returns(ID).doc(DIR + "chats/imopenlines-crm-chat-user-add.md").build();
    public static final MethodSpec CRM_CHAT_USER_DELETE = write("imopenlines.crm.chat.user.delete")
            .requires("CRM_ENTITY_TYPE", "CRM_ENTITY", "USER_ID").positive("USER_ID", "CHAT_ID").optional("CHAT_ID")
            .returns(ID).doc(DIR + "chats/imopenlines-crm-chat-user-delete.md").build();
    public static final MethodSpec CRM_MESSAGE_ADD = write("imopenlines.crm.message.add")
            .requires("CRM_ENTITY_TYPE", "CRM_ENTITY", "USER_ID", "CHAT_ID", "MESSAGE").positive("USER_ID", "CHAT_ID")
            .returns(ID).doc(DIR + "messages/imopenlines-crm-message-add.md").build();
    public static final MethodSpec MESSAGE_QUICK_SAVE = write("imopenlines.message.quick.save")
            .requires("CHAT_ID", "MESSAGE_ID").positive("CHAT_ID", "MESSAGE_ID")
            .doc(DIR + "messages/imopenlines-message-quick-save.md").build();

    public static final List<MethodSpec> ALL = List.of(CONFIG_ADD, CONFIG_GET, CONFIG_LIST_GET, CONFIG_UPDATE,
            CONFIG_DELETE, CONFIG_PATH_GET, NETWORK_JOIN, REVISION_GET, DIALOG_GET, SESSION_HISTORY_GET, SESSION_START,
            SESSION_OPEN, SESSION_JOIN, SESSION_INTERCEPT, SESSION_MODE_PIN, SESSION_MODE_PIN_ALL, SESSION_MODE_UNPIN_ALL,
            SESSION_MODE_SILENT, SESSION_HEAD_VOTE, MESSAGE_SESSION_START, CRM_LEAD_CREATE, OPERATOR_ANSWER,
            OPERATOR_FINISH, OPERATOR_ANOTHER_FINISH, OPERATOR_SKIP, OPERATOR_SPAM, OPERATOR_TRANSFER, CRM_CHAT_GET,
            CRM_CHAT_GET_LAST_ID, CRM_CHAT_USER_ADD, CRM_CHAT_USER_DELETE, CRM_MESSAGE_ADD, MESSAGE_QUICK_SAVE);

    private static MethodSpec chatWrite(String name, String page) {
        return write(name).requires("CHAT_ID").positive("CHAT_ID").doc(DIR + page).build();
    }

    private OpenLinesSpecs() {}
}
