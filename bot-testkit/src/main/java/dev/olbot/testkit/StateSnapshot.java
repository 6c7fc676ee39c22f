package dev.olbot.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The saved form of a fake account ({@link FakeBitrix24#saveState}): explicit records, written as JSON by
 * {@link StateFile}. {@code format} is 1; a reader refuses any other number. Every field is required (a
 * nullable one is written as {@code null}); unknown fields are refused. Instants are ISO-8601 strings.
 */
final class StateSnapshot {

    static final int FORMAT = 1;

    private StateSnapshot() {}

    /** The account: its clock, app credentials, the port it served on (0 = never started), tokens and portals. */
    record Account(int format, Instant clock, String clientId, String clientSecret, int port, List<Grant> tokens,
                   List<Portal> portals) {}

    /** An issued OAuth pair; {@code refreshUsable} false once the refresh token was spent. */
    record Grant(String accessToken, String refreshToken, String portal, int userId, Instant expiresAt,
                 Instant refreshExpiresAt, boolean refreshUsable) {}

    record Portal(String name, String memberId, Install install, Counters next, List<User> users, List<Line> lines,
                  List<Bot> bots, List<Command> commands, List<Chat> chats, List<Message> detachedMessages,
                  Map<String, Integer> webhooks, Map<String, Integer> browserSessions, LineWide lineWide,
                  ConnectorState connectors) {}

    /** The installed app's application token and the installer's tokens ("" before an install). */
    record Install(String applicationToken, String accessToken, String refreshToken) {}

    /** The next id each counter hands out. */
    record Counters(int user, int line, int command, int chat, int session, int message, int lead) {}

    record User(int id, String name, String firstName, String lastName, String gender, String workPosition,
                boolean bot, boolean connector) {}

    /** The settings as {@code imopenlines.config.get} answers (QUEUE a list of user id strings). */
    record Line(Map<String, Object> settings, String networkCode) {}

    /** A registered bot; {@code fetchQueue} holds the Chatbots 2.0 fetch-mode events not yet fetched past. */
    record Bot(int id, String appId, boolean v2, String code, String type, boolean openline, String clientId,
               Map<String, String> handlers, Map<String, Object> properties, String eventMode, String webhookUrl,
               List<Map<String, Object>> fetchQueue, long nextEventId) {}

    record Command(int id, int botId, String appId, String command, String handlerUrl, boolean common, boolean hidden,
                   List<Object> lang) {}

    /** An open-line chat and its session; {@code botTimerDue} is when WELCOME_BOT_TIME moves it to the queue, or null. */
    record Chat(int id, int lineId, String connector, String connectorChatId, int clientUserId, List<Integer> members,
                List<Message> messages, int sessionId, long sessionStart, OpenLineChat.Owner owner, int operatorId,
                int botId, int crmLeadId, Map<String, Integer> crm, boolean pinned, boolean silent, boolean spam,
                String name, Instant botTimerDue) {}

    record Message(int id, int chatId, int sessionId, int authorId, String role, String text, Map<String, Object> keyboard,
                   Object attach, boolean system, Instant date) {}

    /** Portal-wide Open Lines state ({@link LineState}). */
    record LineWide(List<String> quickAnswers, Map<Integer, Vote> headVotes, Map<String, Integer> networkBots) {}

    record Vote(Integer rating, String comment, int byUserId) {}

    /** The custom connectors ({@link Connectors}) and the app's event bindings ({@code event.bind}). */
    record ConnectorState(List<Registration> registered, Map<String, Binding> lines, Map<String, List<String>> eventHandlers,
                          List<ConnectorClient> clients, Map<Integer, String> externalIds,
                          Map<Integer, List<String>> statuses, int nextEventId) {}

    record Registration(String id, String name, String appId, String placementHandler, Map<String, Object> options) {}

    record Binding(boolean active, Map<String, Object> data) {}

    /** A client that came in through an app connector ({@code imconnector.send.messages}); {@code key} as the fake keeps it. */
    record ConnectorClient(String key, int lineId, String connector, int userId, String connectorChatId, int chatId) {}
}
