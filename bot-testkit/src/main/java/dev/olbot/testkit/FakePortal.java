package dev.olbot.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One Bitrix24 portal of the fake account: its users, open lines, bots, chats, webhooks and limits.
 * Drive it like people would: {@link #client} writes from a connector, {@link #operator} is an
 * employee in the line's queue. Thread-safe; every change happens under the account's lock.
 */
public final class FakePortal {

    final FakeBitrix24 fake;
    private final String name;
    private final String memberId;
    String applicationToken = "";
    private final Limits limits;
    final EventPayloads payloads;
    final LineFlow flow;
    final Connectors connectors;
    final LineState state = new LineState();

    final Map<Integer, PortalUser> users = new LinkedHashMap<>();
    final Map<Integer, OpenLine> lines = new LinkedHashMap<>();
    final Map<Integer, BotRecord> bots = new LinkedHashMap<>();
    final Map<Integer, CommandRecord> commands = new LinkedHashMap<>();
    final Map<Integer, OpenLineChat> chats = new LinkedHashMap<>();
    final Map<Integer, ChatMessage> messages = new LinkedHashMap<>();
    final Map<String, Integer> webhooks = new LinkedHashMap<>();
    final Map<String, Integer> sessions = new LinkedHashMap<>();
    int nextUserId = 1;
    int nextLineId = 1;
    int nextCommandId = 1;
    int nextChatId = 100;
    int nextSessionId = 1000;
    int nextMessageId = 5000;
    int nextLeadId = 300;

    FakePortal(FakeBitrix24 fake, String name) {
        this(fake, name, Tokens.hex(16));
        addUser("Portal Admin");
    }

    /** A portal with no users yet, for restoring a saved state ({@link StateRestore}). */
    FakePortal(FakeBitrix24 fake, String name, String memberId) {
        this.fake = fake;
        this.name = name;
        this.memberId = memberId;
        this.limits = new Limits(fake.clock());
        this.payloads = new EventPayloads(fake, this);
        this.flow = new LineFlow(fake, this);
        this.connectors = new Connectors(this);
    }

    public String name() {
        return name;
    }

    public String memberId() {
        return memberId;
    }

    /**
     * The portal's host, as {@code auth[domain]} carries it: the host and port the fake listens on
     * (its {@code client_endpoint} is on that host, as a real portal's is on its domain), or
     * {@code <name>.bitrix24.test} before the fake is started.
     */
    public String domain() {
        String base = fake.baseUrl();
        return base.startsWith("http://127.0.0.1:") ? base.substring("http://".length()) : name + ".bitrix24.test";
    }

    /** The application token of the installed app ("" before {@code installApp}). */
    public String applicationToken() {
        synchronized (fake.lock()) {
            return applicationToken;
        }
    }

    String appAccessToken = "";
    final java.util.concurrent.atomic.AtomicInteger tokenRefreshes = new java.util.concurrent.atomic.AtomicInteger();
    String appRefreshToken = "";

    void installed(String token, String accessToken, String refreshToken) {
        this.applicationToken = token;
        this.appAccessToken = accessToken;
        this.appRefreshToken = refreshToken;
    }

    /** Nothing was added since creation: only the admin, no lines, bots, chats or install. */
    boolean untouched() {
        return users.size() == 1 && lines.isEmpty() && bots.isEmpty() && chats.isEmpty() && applicationToken.isEmpty();
    }

    Limits limits() {
        return limits;
    }

    /** Adds an employee; returns the user id (the first user, id 1, is the portal admin). */
    public int addUser(String fullName) {
        synchronized (fake.lock()) {
            int id = nextUserId++;
            users.put(id, PortalUser.of(id, fullName, false, false));
            return id;
        }
    }

    int addBotUser(String fullName) {
        int id = nextUserId++;
        users.put(id, PortalUser.of(id, fullName, true, false));
        return id;
    }

    int addClientUser(String fullName) {
        int id = nextUserId++;
        users.put(id, PortalUser.of(id, fullName, false, true));
        return id;
    }

    public Optional<PortalUser> user(int id) {
        synchronized (fake.lock()) {
            return Optional.ofNullable(users.get(id));
        }
    }

    /** Adds an open line and lets {@code settings} configure it ({@code queue(...)}, {@code welcomeBot(...)}). */
    public OpenLine addLine(String lineName, Consumer<OpenLine> settings) {
        synchronized (fake.lock()) {
            OpenLine line = new OpenLine(nextLineId++, lineName);
            settings.accept(line);
            lines.put(line.id(), line);
            return line;
        }
    }

    public OpenLine line(int id) {
        synchronized (fake.lock()) {
            OpenLine l = lines.get(id);
            if (l == null) {
                throw new IllegalArgumentException("no open line " + id + " on " + name);
            }
            return l;
        }
    }

    /** Creates an inbound webhook for {@code userId}; returns its secret ({@code /rest/<userId>/<secret>/}). */
    public String addWebhook(int userId) {
        synchronized (fake.lock()) {
            String secret = Tokens.hex(8);
            webhooks.put(secret, userId);
            return secret;
        }
    }

    /** Opens a browser session of {@code userId}; calls with {@code sessid=<it>} use session auth. */
    public String openBrowserSession(int userId) {
        synchronized (fake.lock()) {
            String sessid = Tokens.hex(16);
            sessions.put(sessid, userId);
            return sessid;
        }
    }

    Integer webhookUser(String secret) {
        synchronized (fake.lock()) {
            return webhooks.get(secret);
        }
    }

    Integer sessionUser(String sessid) {
        synchronized (fake.lock()) {
            return sessions.get(sessid);
        }
    }

    /** Enforces the leaky bucket from now on ({@link RatePlan#STANDARD} or {@link RatePlan#ENTERPRISE}). */
    public FakePortal enforceRateLimit(RatePlan plan) {
        limits.enforce(plan);
        return this;
    }

    /** Blocks {@code method} for the calling apps with {@code OPERATION_TIME_LIMIT} (429) for {@code duration}. */
    public FakePortal blockMethod(String method, Duration duration) {
        limits.block(method.toLowerCase(java.util.Locale.ROOT), duration);
        return this;
    }

    /** Refresh tokens of this portal exchanged for a new pair at the token endpoint ({@code grant_type=refresh_token}). */
    public int tokenRefreshes() {
        return tokenRefreshes.get();
    }

    /** Expires every access token of this portal now, as if an hour had passed for them. */
    public void expireAccessTokens() {
        fake.tokens().expireAll(this);
    }

    /** A client writing into {@code lineId} through {@code connector} (e.g. {@code livechat}, {@code telegrambot}). */
    public Client client(int lineId, String connector, String fullName) {
        synchronized (fake.lock()) {
            line(lineId);
            int userId = addClientUser(fullName);
            return new Client(this, lineId, connector, userId);
        }
    }

    /** A client of the live chat widget. */
    public Client client(int lineId, String fullName) {
        return client(lineId, "livechat", fullName);
    }

    /** An employee acting as operator. */
    public Operator operator(int userId) {
        user(userId).orElseThrow(() -> new IllegalArgumentException("no user " + userId));
        return new Operator(this, userId);
    }

    /**
     * The client of an existing chat, to go on writing in it — e.g. after {@link FakeBitrix24#loadState}, when the
     * {@link Client} objects of the saved run are gone.
     */
    public Client clientOf(OpenLineChat chat) {
        synchronized (fake.lock()) {
            if (chats.get(chat.id) != chat) {
                throw new IllegalArgumentException(chat.dialogId() + " is not a chat of portal " + name);
            }
            Client c = new Client(this, chat.lineId, chat.connector, chat.clientUserId, chat.connectorChatId);
            c.chatId = chat.id;
            return c;
        }
    }

    public Optional<OpenLineChat> chat(int chatId) {
        synchronized (fake.lock()) {
            return Optional.ofNullable(chats.get(chatId));
        }
    }

    public List<OpenLineChat> chats() {
        synchronized (fake.lock()) {
            return new ArrayList<>(chats.values());
        }
    }

    /** Bot ids registered on this portal, in registration order. */
    public List<Integer> botIds() {
        synchronized (fake.lock()) {
            return new ArrayList<>(bots.keySet());
        }
    }

    /** The bot registered with {@code code}, if any. */
    public Optional<Integer> botId(String code) {
        synchronized (fake.lock()) {
            return bots.values().stream().filter(b -> b.code.equals(code)).map(b -> b.id).findFirst();
        }
    }

    /**
     * The id of the newest event queued for a Chatbots 2.0 fetch-mode bot ({@code imbot.v2.Event.get}), 0 when none
     * was ever queued. A poller whose next offset is not above it has events to fetch.
     */
    public long lastQueuedEventId(int botId) {
        synchronized (fake.lock()) {
            BotRecord b = bots.get(botId);
            return b == null ? 0 : b.nextEventId - 1;
        }
    }

    /** The custom connectors of this portal ({@code imconnector.*}) and what they were sent. */
    public Connectors connectors() {
        return connectors;
    }

    /** Quick answers saved with {@code imopenlines.message.quick.save}, oldest first. */
    public List<String> quickAnswers() {
        synchronized (fake.lock()) {
            return List.copyOf(state.quickAnswers);
        }
    }

    /** The supervisor's rating of a session ({@code imopenlines.session.head.vote}), if one was given. */
    public Optional<LineState.HeadVote> headVote(int sessionId) {
        synchronized (fake.lock()) {
            return Optional.ofNullable(state.headVotes.get(sessionId));
        }
    }

    /** Binds a CRM entity ({@code DEAL}, {@code CONTACT}, {@code COMPANY}, {@code LEAD}) to the chat, as the CRM tracker does. */
    public void bindCrm(OpenLineChat chat, String type, int entityId) {
        synchronized (fake.lock()) {
            String t = type.toUpperCase(java.util.Locale.ROOT);
            if (t.equals("LEAD")) {
                chat.crmLeadId = entityId;
            } else {
                chat.crm.put(t, entityId);
            }
        }
    }

    OpenLineChat requireChat(long chatId) {
        OpenLineChat c = chats.get((int) chatId);
        if (c == null) {
            throw BitrixError.badRequest("CHAT_ID", "The specified chat identifier is incorrect");
        }
        return c;
    }
}
