package dev.olbot.rest.methods;

import static dev.olbot.rest.methods.OpenLinesSpecs.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.olbot.rest.methods.internal.Invoker;
import dev.olbot.rest.methods.internal.Params;
import dev.olbot.rest.methods.internal.Results;
import dev.olbot.rest.methods.result.CrmChat;
import dev.olbot.rest.methods.result.LineConfig;
import dev.olbot.rest.methods.result.OpenLineDialog;
import dev.olbot.rest.methods.result.SessionHistory;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * Open Lines methods ({@code imopenlines.*}); see {@link OpenLinesSpecs}. Lines, dialogs,
 * sessions, operator actions and CRM chats. Validation throws before any call.
 */
public final class OpenLines {

    private final Invoker invoker;

    OpenLines(Invoker invoker) {
        this.invoker = invoker;
    }

    // --- lines ---------------------------------------------------------------------------

    /** Creates a line from {@code PARAMS} ({@code LINE_NAME}, {@code QUEUE}, {@code WELCOME_BOT_*} …); the future holds its id. */
    public Future<Long> addLine(Map<String, ?> params) {
        return invoker.call(CONFIG_ADD, Params.of("PARAMS", params), Results::id);
    }

    public Future<LineConfig> line(long configId, boolean withQueue, boolean showOffline) {
        return invoker.call(CONFIG_GET, Params.create().put("CONFIG_ID", configId).flag("WITH_QUEUE", withQueue)
                .flag("SHOW_OFFLINE", showOffline).map(), LineConfig::from);
    }

    /** Lines; {@code params} ({@code select}, {@code order}, {@code filter}, {@code limit} ≤ 200, {@code offset}) and {@code options} may be null. */
    public Future<List<LineConfig>> lines(Map<String, ?> params, Map<String, ?> options) {
        return invoker.call(CONFIG_LIST_GET, Params.of("PARAMS", params, "OPTIONS", options), r -> Results.list(r, LineConfig::from));
    }

    public Future<Boolean> updateLine(long configId, Map<String, ?> params) {
        return invoker.call(CONFIG_UPDATE, Params.of("CONFIG_ID", configId, "PARAMS", params), Results::bool);
    }

    public Future<Boolean> deleteLine(long configId) {
        return invoker.call(CONFIG_DELETE, Params.of("CONFIG_ID", configId), Results::bool);
    }

    /** {@code {SERVER_ADDRESS, PUBLIC_PATH}}. */
    public Future<JsonNode> publicPath() {
        return invoker.call(CONFIG_PATH_GET, Params.of(), r -> r);
    }

    /** Connects an external (Bitrix24.Network) line by {@code CODE}; the future holds the bot id. */
    public Future<Long> joinNetwork(String code) {
        return invoker.call(NETWORK_JOIN, Params.of("CODE", code), Results::id);
    }

    /** {@code {rest, web, mobile}} API revisions. */
    public Future<JsonNode> revision() {
        return invoker.call(REVISION_GET, Params.of(), r -> r);
    }

    // --- dialogs and sessions ----------------------------------------------------------------

    /** By numeric chat id. */
    public Future<OpenLineDialog> dialogByChat(long chatId) {
        return dialog("CHAT_ID", chatId);
    }

    /** By {@code USER_CODE} ({@code connector|LINE_ID|CONNECTOR_CHAT_ID|CONNECTOR_USER_ID}). */
    public Future<OpenLineDialog> dialogByUserCode(String userCode) {
        return dialog("USER_CODE", userCode);
    }

    public Future<OpenLineDialog> dialogBySession(long sessionId) {
        return dialog("SESSION_ID", sessionId);
    }

    private Future<OpenLineDialog> dialog(String key, Object value) {
        return invoker.call(DIALOG_GET, Params.of(key, value), OpenLineDialog::from);
    }

    /** History of a session; {@code chatId} alone takes the chat's last session. Give at least one. */
    public Future<SessionHistory> history(Long chatId, Long sessionId) {
        return invoker.call(SESSION_HISTORY_GET, Params.of("CHAT_ID", chatId, "SESSION_ID", sessionId), SessionHistory::from);
    }

    public Future<Boolean> startSession(long chatId) {
        return chat(SESSION_START, chatId);
    }

    /** The chat id for a {@code USER_CODE}. */
    public Future<Long> openSession(String userCode) {
        return invoker.call(SESSION_OPEN, Params.of("USER_CODE", userCode), r -> Results.id(r.get("chatId")));
    }

    public Future<Boolean> joinSession(long chatId) {
        return chat(SESSION_JOIN, chatId);
    }

    public Future<Boolean> interceptSession(long chatId) {
        return chat(SESSION_INTERCEPT, chatId);
    }

    public Future<Boolean> pin(long chatId, boolean pin) {
        return invoker.call(SESSION_MODE_PIN, Params.create().put("CHAT_ID", chatId).flag("ACTIVATE", pin).map(), Results::bool);
    }

    /** Pins all the caller's active dialogs; the future holds the pinned session ids (as documented). */
    public Future<List<Long>> pinAll() {
        return invoker.call(SESSION_MODE_PIN_ALL, Params.of(), r -> Results.list(r, Results::id));
    }

    /** Unpins them; the future holds the session ids. */
    public Future<List<Long>> unpinAll() {
        return invoker.call(SESSION_MODE_UNPIN_ALL, Params.of(), r -> Results.list(r, Results::id));
    }

    public Future<Boolean> silent(long chatId, boolean silent) {
        return invoker.call(SESSION_MODE_SILENT, Params.create().put("CHAT_ID", chatId).flag("ACTIVATE", silent).map(), Results::bool);
    }

    /** The supervisor's rating of a session ({@code RATING}, {@code COMMENT} may be null). */
    public Future<Boolean> voteHead(long sessionId, Integer rating, String comment) {
        return invoker.call(SESSION_HEAD_VOTE, Params.of("SESSION_ID", sessionId, "RATING", rating, "COMMENT", comment), Results::bool);
    }

    public Future<Boolean> startSessionFromMessage(long chatId, long messageId) {
        return invoker.call(MESSAGE_SESSION_START, Params.of("CHAT_ID", chatId, "MESSAGE_ID", messageId), Results::bool);
    }

    /** Creates a lead from the dialog; only the session's current operator may ({@code ERROR_USER_NOT_OPERATOR}). */
    public Future<Boolean> createLead(long chatId) {
        return chat(CRM_LEAD_CREATE, chatId);
    }

    // --- operator actions --------------------------------------------------------------------

    public Future<Boolean> answer(long chatId) {
        return chat(OPERATOR_ANSWER, chatId);
    }

    public Future<Boolean> finish(long chatId) {
        return chat(OPERATOR_FINISH, chatId);
    }

    public Future<Boolean> finishOthers(long chatId) {
        return chat(OPERATOR_ANOTHER_FINISH, chatId);
    }

    public Future<Boolean> skip(long chatId) {
        return chat(OPERATOR_SKIP, chatId);
    }

    public Future<Boolean> spam(long chatId) {
        return chat(OPERATOR_SPAM, chatId);
    }

    /** Operator transfer; one of {@code userId}, {@code queueId}, {@code transferId} is required. */
    public Future<Boolean> transfer(long chatId, Long userId, Long queueId, String transferId) {
        return invoker.call(OPERATOR_TRANSFER,
                Params.of("CHAT_ID", chatId, "USER_ID", userId, "QUEUE_ID", queueId, "TRANSFER_ID", transferId), Results::bool);
    }

    // --- CRM chats and messages ---------------------------------------------------------------

    /** Chats of a CRM entity ({@code crmEntityType}: {@code lead}, {@code deal}, {@code contact}, {@code company}). */
    public Future<List<CrmChat>> crmChats(String crmEntityType, long crmEntity, boolean activeOnly) {
        return invoker.call(CRM_CHAT_GET, Params.create().put("CRM_ENTITY_TYPE", crmEntityType).put("CRM_ENTITY", crmEntity)
                .flag("ACTIVE_ONLY", activeOnly).map(), r -> Results.list(r, CrmChat::from));
    }

    public Future<Long> lastCrmChatId(String crmEntityType, long crmEntity) {
        return invoker.call(CRM_CHAT_GET_LAST_ID, Params.of("CRM_ENTITY_TYPE", crmEntityType, "CRM_ENTITY", crmEntity), Results::id);
    }

    /** Adds a user to the entity's chat ({@code chatId} null = the last one); the future holds the chat id. */
    public Future<Long> addCrmChatUser(String crmEntityType, long crmEntity, long userId, Long chatId) {
        return invoker.call(CRM_CHAT_USER_ADD,
                Params.of("CRM_ENTITY_TYPE", crmEntityType, "CRM_ENTITY", crmEntity, "USER_ID", userId, "CHAT_ID", chatId), Results::id);
    }

    public Future<Long> removeCrmChatUser(String crmEntityType, long crmEntity, long userId, Long chatId) {
        return invoker.call(CRM_CHAT_USER_DELETE,
                Params.of("CRM_ENTITY_TYPE", crmEntityType, "CRM_ENTITY", crmEntity, "USER_ID", userId, "CHAT_ID", chatId), Results::id);
    }

    /** Sends a message into the entity's Open Line chat; the future holds the message id. */
    public Future<Long> addCrmMessage(String crmEntityType, long crmEntity, long userId, long chatId, String message) {
        return invoker.call(CRM_MESSAGE_ADD, Params.of("CRM_ENTITY_TYPE", crmEntityType, "CRM_ENTITY", crmEntity,
                "USER_ID", userId, "CHAT_ID", chatId, "MESSAGE", message), Results::id);
    }

    public Future<Boolean> saveQuickAnswer(long chatId, long messageId) {
        return invoker.call(MESSAGE_QUICK_SAVE, Params.of("CHAT_ID", chatId, "MESSAGE_ID", messageId), Results::bool);
    }

    private Future<Boolean> chat(MethodSpec spec, long chatId) {
        return invoker.call(spec, Params.of("CHAT_ID", chatId), Results::bool);
    }
}
