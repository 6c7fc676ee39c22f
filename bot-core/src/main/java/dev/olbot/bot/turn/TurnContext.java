package dev.olbot.bot.turn;

import dev.olbot.bot.Action;
import dev.olbot.bot.Bot;
import dev.olbot.bot.BotContext;
import dev.olbot.bot.CallOutcome;
import dev.olbot.bot.Reply;
import dev.olbot.bot.routing.Match;
import dev.olbot.bot.routing.NumberedMenu;
import dev.olbot.bot.routing.Utterance;
import dev.olbot.bot.text.Language;
import dev.olbot.bot.text.Template;
import dev.olbot.metrics.OlbotMetrics;
import dev.olbot.metrics.OlbotMetrics.HandoffReason;
import com.fasterxml.jackson.databind.JsonNode;
import dev.olbot.event.BotEvent;
import dev.olbot.event.CommandInvoked;
import dev.olbot.event.Dialog;
import dev.olbot.event.User;
import dev.olbot.rest.RestCaller;
import dev.olbot.rest.RestResponse;
import dev.olbot.rest.methods.MethodCatalog;
import dev.olbot.state.DialogState;
import dev.olbot.state.FlowPosition;
import dev.olbot.state.Owner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link BotContext} of one turn, and what the turn's stages ({@link TurnPipeline}, the router,
 * flows) read and change on it: the dialog state, the match, the route taken, the outbox. Handlers
 * see it only as a {@link BotContext}.
 */
public final class TurnContext implements BotContext {

    private final TurnServices services;
    private final Bot bot;
    private final BotEvent event;
    private final Dialog dialog;
    private final User user;
    private final Utterance utterance;
    private final String portal;
    private final long botId;
    private final MessageCalls calls;
    private final Outbox outbox;
    private final List<Long> sentIds = new ArrayList<>();
    private DialogState state;
    private Match.Hit match = new Match.Hit(1.0, Map.of(), "");
    private Map<String, String> completedAnswers = Map.of();
    /** What the turn did and why (for the trace), and what a handoff made now would count as. */
    private String route = "";
    private HandoffReason handoffReason = HandoffReason.OTHER;
    private final long startedNanos = System.nanoTime();

    public TurnContext(TurnServices services, Bot bot, BotEvent event, Dialog dialog, User user, Utterance utterance, String portal,
            long botId, DialogState state) {
        this.services = services;
        this.bot = bot;
        this.event = event;
        this.dialog = dialog;
        this.user = user;
        this.utterance = utterance;
        this.portal = portal;
        this.botId = botId;
        this.state = state;
        this.calls = new MessageCalls(event.meta().version(), botId);
        Optional<String> orderKey = dialog == null ? Optional.empty() : Optional.of(dialog.dialogId());
        ReplyLookup lookup = dialog == null ? null
                : new ReplyLookup(services.rest(), portal, turnMessageId(event), services.clock().instant(), services.callTimeoutMillis());
        this.outbox = new Outbox(services.rest(), portal, orderKey, services.clock(), services.turnDeadline(),
                services.callTimeoutMillis(), lookup);
        outbox.beforeFirstCall(() -> services.checkFresh(state));
        if (services.sentCalls().enabled()) {
            CompletedTurns.turnKey(event, state).ifPresent(k -> outbox.idempotent(services.sentCalls(), k + "#" + botId));
        }
    }

    /** The id of the client message that started the turn (0 when none did). */
    private static long turnMessageId(BotEvent event) {
        if (event instanceof dev.olbot.event.MessageAdded m) {
            return m.message().id();
        }
        return event instanceof CommandInvoked c ? c.message().id() : 0;
    }

    // ---- accessors

    @Override
    public BotEvent event() {
        return event;
    }

    @Override
    public Dialog dialog() {
        if (dialog == null) {
            throw new IllegalStateException(event.meta().type() + " has no dialog");
        }
        return dialog;
    }

    @Override
    public User user() {
        return user;
    }

    @Override
    public Utterance utterance() {
        return utterance;
    }

    @Override
    public Match.Hit match() {
        return match;
    }

    public void match(Match.Hit hit) {
        this.match = hit;
    }

    @Override
    public String portal() {
        return portal;
    }

    @Override
    public long botId() {
        return botId;
    }

    @Override
    public Instant now() {
        return services.clock().instant();
    }

    @Override
    public String language() {
        return Language.detect(utterance.text()).or(() -> var(Language.VAR)).orElse(bot.language());
    }

    public Bot bot() {
        return bot;
    }

    // ---- state

    @Override
    public DialogState state() {
        return state;
    }

    public void state(DialogState next) {
        this.state = next;
    }

    @Override
    public Owner owner() {
        return state.owner();
    }

    @Override
    public Optional<String> var(String name) {
        return Optional.ofNullable(state.vars().get(name));
    }

    @Override
    public void set(String name, String value) {
        state = state.withVar(name, value);
    }

    @Override
    public Map<String, String> answers() {
        return state.flowPosition().map(FlowPosition::answers).orElse(completedAnswers);
    }

    public void completedAnswers(Map<String, String> answers) {
        this.completedAnswers = answers;
    }

    // ---- messages

    @Override
    public void reply(Reply reply) {
        queue(calls.send(dialog().dialogId(), reply).then(this::recordMessageId));
    }

    @Override
    public void replyTemplate(String template, Map<String, ?> values) {
        Map<String, Object> all = new HashMap<>(state.vars());
        all.putAll(answers());
        all.put("clientName", user.firstName().filter(s -> !s.isBlank()).orElse(user.name()));
        all.putAll(values);
        reply(Template.of(template).render(all));
    }

    @Override
    public void typing() {
        queue(calls.typing(dialog().dialogId()));
    }

    @Override
    public void edit(long messageId, Reply reply) {
        queue(calls.edit(messageId, reply));
    }

    @Override
    public void delete(long messageId) {
        queue(calls.delete(messageId));
    }

    @Override
    public void answerCommand(Reply reply) {
        if (!(event instanceof CommandInvoked c)) {
            throw new IllegalStateException("answerCommand: the event is " + event.meta().type() + ", not a command");
        }
        queue(calls.answerCommand(c.command().id(), c.message().id(), dialog().dialogId(), reply).then(this::recordMessageId));
    }

    @Override
    public Optional<String> activeMenu() {
        return var(TurnVars.MENU);
    }

    @Override
    public void showMenu(String name) {
        NumberedMenu menu = bot.menu(name);
        set(TurnVars.MENU, name);
        reply(menu.render());
    }

    @Override
    public List<Long> sentMessageIds() {
        return List.copyOf(sentIds);
    }

    private void recordMessageId(RestResponse r) {
        JsonNode result = r.result();
        if (result.isNumber() || result.isTextual()) {
            sentIds.add(result.asLong());
        } else if (result.has("id")) {
            sentIds.add(result.get("id").asLong());
        }
    }

    // ---- open-line session helpers

    private long lineChatId(String helper) {
        Dialog d = dialog();
        if (!d.isOpenLine()) {
            throw new IllegalStateException(helper + ": dialog " + d.dialogId() + " is not an open-line chat"
                    + " (CHAT_ENTITY_TYPE is not LINES); session helpers work only in open lines");
        }
        return d.chatId().orElseThrow(() -> new IllegalStateException(helper + ": dialog " + d.dialogId()
                + " has no numeric CHAT_ID"));
    }

    @Override
    public void sendLineWelcome() {
        queue(Action.of("imopenlines.bot.session.message.send",
                MessageCalls.map("CHAT_ID", lineChatId("sendLineWelcome"), "NAME", "WELCOME")));
    }

    @Override
    public void sendLineMessage(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("sendLineMessage: MESSAGE is empty; the platform would silently send nothing");
        }
        queue(Action.of("imopenlines.bot.session.message.send",
                MessageCalls.map("CHAT_ID", lineChatId("sendLineMessage"), "NAME", "DEFAULT", "MESSAGE", text)));
    }

    @Override
    public void toOperator() {
        long chatId = lineChatId("toOperator");
        queue(Action.of("imopenlines.bot.session.operator", MessageCalls.map("CHAT_ID", chatId))
                .tolerating(e -> e.is("WRONG_CHAT")));
        changeOwner(Owner.WAITING_OPERATOR);
        services.metrics().handoff(bot.code(), handoffReason, "queue");
    }

    @Override
    public void transferToUser(long userId, boolean leave) {
        transfer("transferToUser", "USER_ID", userId, leave);
    }

    @Override
    public void transferToLine(long lineId, boolean leave) {
        transfer("transferToLine", "QUEUE_ID", lineId, leave);
    }

    /** {@code imopenlines.bot.session.transfer} to a user ({@code USER_ID}) or a line ({@code QUEUE_ID}). */
    private void transfer(String helper, String targetKey, long target, boolean leave) {
        long chatId = lineChatId(helper);
        if (target <= 0) {
            throw new IllegalArgumentException(helper + ": " + targetKey + " must be > 0, was " + target);
        }
        queue(Action.of("imopenlines.bot.session.transfer",
                MessageCalls.map("CHAT_ID", chatId, targetKey, target, "LEAVE", leave ? "Y" : "N")));
        changeOwner(Owner.TRANSFERRED);
        services.metrics().handoff(bot.code(), handoffReason, "USER_ID".equals(targetKey) ? "user" : "line");
    }

    @Override
    public void finish() {
        queue(Action.of("imopenlines.bot.session.finish", MessageCalls.map("CHAT_ID", lineChatId("finish"))));
        changeOwner(Owner.FINISHED);
        state = state.withFlow(null).withoutTimeout();
        services.metrics().sessionFinishedByBot(bot.code());
    }

    @Override
    public void takeBack() {
        Owner owner = state.owner();
        if (owner == Owner.OPERATOR || owner == Owner.FINISHED) {
            throw new IllegalStateException("takeBack: dialog " + dialog().dialogId() + " is "
                    + (owner == Owner.OPERATOR ? "with an operator" : "finished") + "; only a waiting or transferred"
                    + " dialog can return to the bot");
        }
        changeOwner(Owner.BOT);
    }

    private void changeOwner(Owner owner) {
        state = state.withOwner(owner);
    }

    @Override
    public JsonNode createLead() {
        long chatId = lineChatId("createLead");
        return callNow(Action.of("imopenlines.crm.lead.create", MessageCalls.map("CHAT_ID", chatId))).result();
    }

    @Override
    public JsonNode sessionHistory() {
        long chatId = lineChatId("sessionHistory");
        Map<String, Object> p = MessageCalls.map("CHAT_ID", chatId);
        dialog().openLine().flatMap(l -> l.sessionId()).ifPresent(id -> p.put("SESSION_ID", id));
        return callNow(Action.of("imopenlines.session.history.get", p)).result();
    }

    // ---- flows and timers

    @Override
    public void startFlow(String name) {
        services.flows().start(this, bot.flow(name));
    }

    @Override
    public void cancelFlow() {
        state = state.withFlow(null).withoutTimeout();
    }

    @Override
    public void timeout(Duration after, String name) {
        if (!bot.hasTimeout(name)) {
            throw new IllegalArgumentException("timeout '" + name + "' has no handler; register it with onTimeout(\""
                    + name + "\", ctx -> ...)");
        }
        state = state.withTimeout(services.clock().millis() + after.toMillis(), name);
    }

    @Override
    public void cancelTimeout() {
        state = state.withoutTimeout();
    }

    // ---- outbox

    public void queue(Action action) {
        MethodCatalog.validate(action.method(), action.params());
        outbox.add(action);
    }

    private RestResponse callNow(Action action) {
        MethodCatalog.validate(action.method(), action.params());
        return outbox.callNow(action);
    }

    @Override
    public void flush() {
        outbox.flush();
    }

    public void discardUnsent() {
        outbox.discard();
    }

    /** The error policy's calls get a deadline of their own. */
    public void renewDeadline() {
        outbox.renewDeadline();
    }

    @Override
    public List<CallOutcome> outcomes() {
        return outbox.outcomes();
    }

    public List<Action> sent() {
        return outbox.sent();
    }

    /** Notes the route the turn takes now ({@code intent keywords [price]}, {@code fallback}, …) and what a handoff from here counts as. */
    public void route(String route, HandoffReason reason) {
        this.route = this.route.isEmpty() ? route : this.route + " > " + route;
        this.handoffReason = reason;
    }

    public String route() {
        return route;
    }

    public long startedNanos() {
        return startedNanos;
    }

    public OlbotMetrics metrics() {
        return services.metrics();
    }

    @Override
    public RestCaller rest() {
        return services.rest();
    }
}
