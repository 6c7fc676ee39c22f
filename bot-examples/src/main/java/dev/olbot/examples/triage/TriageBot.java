package dev.olbot.examples.triage;

import dev.olbot.bot.text.BbCode;
import dev.olbot.bot.Bot;
import dev.olbot.bot.BotContext;
import dev.olbot.bot.flow.Flow;
import dev.olbot.bot.routing.Intent;
import dev.olbot.bot.routing.NumberedMenu;
import dev.olbot.bot.Reply;
import dev.olbot.bot.routing.Utterance;
import dev.olbot.bot.flow.Validation;
import dev.olbot.examples.faq.OperatorNote;
import dev.olbot.rest.methods.message.Button;
import dev.olbot.rest.methods.message.ButtonAction;
import dev.olbot.rest.methods.message.Keyboard;
import dev.olbot.state.Owner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open-line triage pattern, driven by a {@link TriageConfig}: a numbered menu of branches; per
 * branch a few validated questions; then a CRM lead from the dialog, a note for the operator with
 * the answers, and a transfer to the branch's line, employee or the operator queue. Outside working
 * hours it takes a message (name, phone, message), creates a lead and finishes the session. When no
 * operator takes a handed-off dialog within {@code operatorWaitMinutes} it apologizes and offers to
 * leave a message instead.
 *
 * <pre>{@code
 * Bot bot = TriageBot.create(TriageConfig.load(TriageConfig.DEFAULT_RESOURCE));
 * }</pre>
 */
public final class TriageBot {

    private static final Logger log = LoggerFactory.getLogger(TriageBot.class);

    static final String MENU = "main";
    static final String MESSAGE_FLOW = "message";
    static final String NO_OPERATOR = "no-operator";
    /** Set while the "leave a message?" offer is open (the dialog is muted: an operator queue owns it). */
    static final String OFFER = "triage.offer";
    static final String CLIENT = "triage.client";
    /** Set when the welcome showed the menu and the client has not written since. */
    static final String MENU_FRESH = "triage.menuFresh";

    private final TriageConfig c;

    private TriageBot(TriageConfig config) {
        this.c = config;
    }

    public static Bot create(TriageConfig config) {
        return new TriageBot(config).build();
    }

    private Bot build() {
        NumberedMenu.Builder menu = NumberedMenu.named(MENU).header(c.menuHeader());
        Bot.Builder bot = Bot.builder(c.code()).name(c.name()).property("WORK_POSITION", "Triage")
                // asking for a person from anywhere: the operator also gets what was collected so far
                .personRequest(dev.olbot.bot.routing.PersonRequest.defaults().then(ctx -> {
                    ctx.reply(dev.olbot.bot.text.BotTexts.PERSON_HANDOFF.in(ctx.language()));
                    OperatorNote.post(ctx, note(ctx, "клиент попросил оператора", ctx.answers()));
                    ctx.toOperator();
                }));
        int n = 1;
        for (TriageConfig.Branch b : c.branches()) {
            menu.item(n++, b.title(), ctx -> ctx.startFlow(flowName(b)));
            bot.flow(flow(flowName(b), b.questions(), ctx -> branchDone(ctx, b)));
        }
        return bot.menu(menu.build())
                .flow(flow(MESSAGE_FLOW, c.afterHours().questions(), ctx -> messageTaken(ctx, ctx.answers())))
                .onWelcome(this::greet)
                // the client's first "hello" arrives right after the welcome menu: it needs no answer
                .on(Intent.greetings(), ctx -> {
                    if (ctx.activeMenu().isEmpty()) {
                        greet(ctx);
                    }
                })
                .fallback(ctx -> {
                    boolean fresh = ctx.var(MENU_FRESH).isPresent();
                    ctx.set(MENU_FRESH, null);
                    if (ctx.activeMenu().isPresent() && c.hours().isOpen(ctx.now())) {
                        // the menu is right above when the client's first message follows the welcome:
                        // point at it rather than show it twice
                        ctx.reply(c.chooseAgain());
                        if (!fresh) {
                            ctx.showMenu(MENU);
                        }
                    } else {
                        greet(ctx);
                    }
                })
                .onTimeout(NO_OPERATOR, this::noOperator)
                .onMutedMessage(this::mutedMessage)
                .build();
    }

    private static String flowName(TriageConfig.Branch b) {
        return "branch:" + b.id();
    }

    private Flow flow(String name, List<TriageConfig.Question> questions, dev.olbot.bot.Handler onComplete) {
        Flow.Builder f = Flow.named(name);
        for (TriageConfig.Question q : questions) {
            if (q.confirm().isPresent()) {
                // a name the client's profile already has is confirmed, not asked again
                f.askOrConfirm(q.name(), ctx -> Reply.text(render(ctx, q.ask(), Map.of())), q.check(),
                        ctx -> profileName(ctx, q), (ctx, known) -> confirm(ctx, q, known));
            } else {
                f.ask(q.name(), ctx -> Reply.text(render(ctx, q.ask(), Map.of())), q.check());
            }
        }
        return f.maxAttempts(c.maxAttempts(), ctx -> {
            ctx.cancelFlow();
            OperatorNote.post(ctx, note(ctx, "не удалось собрать ответы", ctx.answers()));
            ctx.toOperator();
        }).onComplete(onComplete).build();
    }

    private static java.util.Optional<String> profileName(BotContext ctx, TriageConfig.Question q) {
        return ctx.user().firstName().filter(n -> q.check().apply(n) instanceof dev.olbot.bot.flow.Validation.Valid);
    }

    private static Reply confirm(BotContext ctx, TriageConfig.Question q, String known) {
        String yes = "Да, " + known;
        Keyboard kb = Keyboard.builder().button(Button.text(yes).action(ButtonAction.SEND, known).display(Button.Display.LINE))
                .build();
        return Reply.text(render(ctx, q.confirm().orElseThrow(), Map.of("known", known))).keyboard(kb.toParam());
    }

    // ---- turns

    private void greet(BotContext ctx) {
        if (c.hours().isOpen(ctx.now())) {
            // a NumberedMenu's header is fixed text, so the personal greeting is its own message
            ctx.reply(render(ctx, c.welcome(), Map.of()));
            ctx.showMenu(MENU);
            ctx.set(MENU_FRESH, "1");
        } else {
            ctx.reply(render(ctx, c.afterHours().text(), Map.of()));
            ctx.startFlow(MESSAGE_FLOW);
        }
    }

    private void branchDone(BotContext ctx, TriageConfig.Branch b) {
        Map<String, String> answers = ctx.answers();
        ctx.set(CLIENT, Long.toString(ctx.user().id()));
        ctx.reply(render(ctx, b.done(), answers));
        OperatorNote.post(ctx, note(ctx, b.title(), answers));
        createLead(ctx);
        TriageConfig.Transfer t = b.transfer();
        if (t.line() > 0) {
            ctx.transferToLine(t.line(), t.leave());
        } else if (t.user() > 0) {
            ctx.transferToUser(t.user(), t.leave());
        } else {
            ctx.toOperator();
        }
        if (!t.leave()) {
            ctx.timeout(c.operatorWait(), NO_OPERATOR); // a bot that left the chat hears nothing more
        }
    }

    /**
     * Whether someone other than the client and the bot wrote in this session. An operator who
     * accepts a dialog makes the bot leave the chat, and no event tells the bot so: the session's
     * history does. A history the bot may no longer read also means the dialog is not the bot's.
     */
    private static boolean operatorAnswered(BotContext ctx) {
        String client = ctx.var(CLIENT).orElse("");
        try {
            for (com.fasterxml.jackson.databind.JsonNode m : ctx.sessionHistory().path("message")) {
                String sender = m.path("senderid").asText("0");
                if (!sender.equals("0") && !sender.equals(Long.toString(ctx.botId())) && !sender.equals(client)) {
                    return true;
                }
            }
            return false;
        } catch (dev.olbot.rest.RestException e) {
            log.info("session history of {} is not readable ({}); an operator has the dialog", ctx.dialog().dialogId(),
                    e.error());
            return true;
        }
    }

    /** Completion of the message flow: lead, note, thanks, finish. */
    private void messageTaken(BotContext ctx, Map<String, String> answers) {
        ctx.reply(render(ctx, c.afterHours().done(), answers));
        OperatorNote.post(ctx, note(ctx, "сообщение", answers));
        createLead(ctx);
        ctx.finish();
    }

    private void noOperator(BotContext ctx) {
        if (ctx.owner() != Owner.WAITING_OPERATOR && ctx.owner() != Owner.TRANSFERRED) {
            return;
        }
        if (operatorAnswered(ctx)) {
            return;
        }
        ctx.set(OFFER, "1");
        Keyboard kb = Keyboard.builder()
                .button(Button.text(c.noOperator().leaveMessage()).action(ButtonAction.SEND, c.noOperator().leaveMessage())
                        .display(Button.Display.LINE))
                .button(Button.text(c.noOperator().keepWaiting()).action(ButtonAction.SEND, c.noOperator().keepWaiting())
                        .display(Button.Display.LINE))
                .build();
        ctx.reply(Reply.text(c.noOperator().text()).keyboard(kb.toParam()));
    }

    /**
     * Messages while the dialog is not the bot's: an operator writing ends the bot's part; a client's
     * "0" arms the wait timer; the answer to the "leave a message?" offer takes the dialog back and
     * runs the message flow.
     */
    private void mutedMessage(BotContext ctx) {
        if (ctx.owner() == Owner.OPERATOR || !ctx.user().connector()) {
            ctx.set(OFFER, null);
            return;
        }
        if (ctx.owner() == Owner.FINISHED) {
            return;
        }
        if ("0".equals(ctx.utterance().text().strip())) {
            ctx.set(OFFER, null);
            ctx.timeout(c.operatorWait(), NO_OPERATOR);
            return;
        }
        if (ctx.var(OFFER).isPresent()) {
            String said = ctx.utterance().normalized();
            if (said.equals(Utterance.normalize(c.noOperator().leaveMessage()))) {
                ctx.set(OFFER, null);
                ctx.takeBack();
                ctx.startFlow(MESSAGE_FLOW);
            } else if (said.equals(Utterance.normalize(c.noOperator().keepWaiting()))) {
                ctx.set(OFFER, null);
                ctx.reply(c.noOperator().waiting());
            }
        }
    }

    // ---- helpers

    private static void createLead(BotContext ctx) {
        try {
            ctx.createLead();
        } catch (RuntimeException e) {
            // the platform lets only the session's current operator save to CRM (REFERENCE §8.3); the
            // handoff matters more than the lead, so it goes on
            log.warn("could not create a lead in dialog {}: {}", ctx.dialog().dialogId(), e.getMessage());
        }
    }

    private static String render(BotContext ctx, String template, Map<String, String> answers) {
        Map<String, Object> values = new LinkedHashMap<>(answers);
        values.put("clientName", ctx.var("olbot.client").orElse(ctx.user().firstName().orElse(ctx.user().name())));
        Map<String, String> escaped = new LinkedHashMap<>();
        values.forEach((k, v) -> escaped.put(k, BbCode.escape(String.valueOf(v))));
        return dev.olbot.bot.text.Template.of(template).render(escaped);
    }

    private static String note(BotContext ctx, String topic, Map<String, String> answers) {
        return "[b]" + BbCode.escape(topic) + "[/b]" + BbCode.BR + answers.entrySet().stream()
                .map(e -> e.getKey() + ": " + BbCode.escape(e.getValue()))
                .collect(Collectors.joining(BbCode.BR));
    }
}
