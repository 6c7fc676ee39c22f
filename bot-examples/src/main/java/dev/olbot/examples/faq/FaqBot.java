package dev.olbot.examples.faq;

import dev.olbot.bot.Bot;
import dev.olbot.bot.BotContext;
import dev.olbot.bot.routing.Intent;
import dev.olbot.bot.Reply;
import dev.olbot.bot.text.Template;
import dev.olbot.bot.routing.Utterance;
import dev.olbot.kb.KbEntry;
import dev.olbot.kb.KbMatch;
import dev.olbot.kb.KnowledgeBase;
import dev.olbot.kb.KnowledgeBaseIndex;
import dev.olbot.kb.KnowledgeBaseIntent;
import dev.olbot.bot.routing.PersonRequest;
import dev.olbot.kb.LocalText;
import dev.olbot.rest.methods.message.Button;
import dev.olbot.rest.methods.message.ButtonAction;
import dev.olbot.rest.methods.message.Keyboard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A FAQ bot for an open line: answers from a {@link KnowledgeBase} through a {@link
 * KnowledgeBaseIntent}, asks "did you mean" when no answer is clear, hands the dialog to the operator queue after {@code maxMisses} misses in a row
 * or when the client asks for a person (with a note for the operator), and offers to close the chat
 * when the client says thanks or goodbye.
 *
 * <pre>{@code
 * Bot bot = FaqBot.create(KnowledgeBase.load(Path.of("faq.yaml")), FaqSettings.defaults());
 * }</pre>
 *
 * Everything it does is in the returned {@link Bot} and the two arguments; the dialog's progress
 * (misses, the pending close question, the client's language) lives in dialog variables, so it
 * survives restarts. Replies follow the language of the client's last message ({@link
 * BotContext#language()}); the welcome, sent when the bot joins before the client wrote, is sent
 * again in the client's language when their first message is a greeting in another one.
 */
public final class FaqBot {

    /** The knowledge base shipped with the examples (a class-path resource). */
    public static final String KNOWLEDGE_BASE = "faq/knowledge-base.yaml";

    static final String MISSES = "faq.misses";
    static final String MISSED = "faq.missed";
    static final String CLOSING = "faq.closing";
    static final String WELCOMED = "faq.welcomed";
    private static final String MISSED_SEPARATOR = "\n";

    private final KnowledgeBase kb;
    private final FaqSettings s;
    private final KnowledgeBaseIntent knowledge;

    private FaqBot(KnowledgeBase kb, FaqSettings settings) {
        this.kb = kb;
        this.s = settings;
        this.knowledge = KnowledgeBaseIntent.of(KnowledgeBaseIndex.of(kb, settings.thresholds()));
    }

    /**
     * Builds the bot. Fails with {@link IllegalArgumentException} when a top question names an entry
     * the knowledge base does not have.
     */
    public static Bot create(KnowledgeBase kb, FaqSettings settings) {
        for (String id : settings.topQuestions()) {
            if (kb.entry(id).isEmpty()) {
                throw new IllegalArgumentException("FaqSettings.topQuestions: no entry '" + id + "' in " + kb.source());
            }
        }
        return new FaqBot(kb, settings).build();
    }

    private Bot build() {
        Set<String> yes = normalized(s.yesWords(), s.texts().yes());
        Set<String> no = normalized(s.noWords(), s.texts().no());
        return Bot.builder(s.code()).name(s.name())
                .property("WORK_POSITION", "FAQ")
                .personRequest(PersonRequest.of(s.operatorWords()).then(ctx -> handOff(ctx, s.texts().reasonAsked())))
                .onWelcome(this::welcome)
                .on(Intent.when("close-confirmation", (u, ctx) -> ctx.var(CLOSING).isPresent()
                        && (yes.contains(u.normalized()) || no.contains(u.normalized()))), ctx -> {
                    ctx.set(CLOSING, null);
                    if (yes.contains(ctx.utterance().normalized())) {
                        ctx.reply(text(ctx, s.texts().goodbye()));
                        ctx.finish();
                    } else {
                        ctx.reply(text(ctx, s.texts().goOn()));
                    }
                })
                .on(Intent.greetings(), this::greeting)
                .on(Intent.when("closing", (u, ctx) -> isClosing(u)), this::closing)
                .on(knowledge, this::answer)
                .fallback(this::miss)
                .build();
    }

    // ---- handlers

    private void welcome(BotContext ctx) {
        ctx.set(MISSES, null);
        ctx.set(MISSED, null);
        ctx.set(CLOSING, null);
        String lang = lang(ctx);
        ctx.set(WELCOMED, lang);
        Keyboard.Builder kb = Keyboard.builder();
        for (String id : s.topQuestions()) {
            String q = this.kb.entry(id).orElseThrow().title(lang);
            kb.button(Button.text(q).action(ButtonAction.SEND, q));
        }
        ctx.reply(Reply.text(text(ctx, s.texts().welcome())).keyboard(kb.build().toParam()));
    }

    /**
     * A bare greeting: the client's first message usually is one, and the welcome (sent when the
     * bot joined, just before) already answered it — so stay quiet then; later, greet back with the
     * top questions again. Greetings never count as misses.
     */
    private void greeting(BotContext ctx) {
        if (ctx.var(WELCOMED).filter(lang(ctx)::equals).isPresent()) {
            ctx.set(WELCOMED, null);
            return;
        }
        // not welcomed yet, or welcomed in another language than the client writes: greet in theirs
        welcome(ctx);
        ctx.set(WELCOMED, null);
    }

    private void answer(BotContext ctx) {
        ctx.set(CLOSING, null);
        ctx.set(WELCOMED, null);
        if (knowledge.decision(ctx) instanceof KbMatch.Answer) {
            ctx.set(MISSES, null);
            ctx.set(MISSED, null);
        }
        knowledge.reply(ctx, s.texts().didYouMean());
    }

    /**
     * No answer. A message the knowledge base's out-of-scope examples claim ("доставка пиццы") gets
     * the base's out-of-scope reply and is not counted as a miss: the bot understood it, and an
     * operator of this shop could not help either (the reply says how to reach one anyway). Any
     * other message is a miss; {@code maxMisses} in a row hand the dialog off.
     */
    private void miss(BotContext ctx) {
        ctx.set(CLOSING, null);
        ctx.set(WELCOMED, null);
        Optional<Reply> outOfScope = knowledge.outOfScopeReply(ctx);
        if (outOfScope.isPresent()) {
            ctx.reply(outOfScope.get());
            return;
        }
        int misses = ctx.var(MISSES).map(Integer::parseInt).orElse(0) + 1;
        List<String> missed = new ArrayList<>(missed(ctx));
        missed.add(abbreviate(ctx.utterance().text()));
        ctx.set(MISSES, Integer.toString(misses));
        ctx.set(MISSED, String.join(MISSED_SEPARATOR, missed));
        if (misses >= s.maxMisses()) {
            handOff(ctx, s.texts().reasonMisses());
        } else {
            ctx.reply(text(ctx, s.texts().notUnderstood()));
        }
    }

    private void handOff(BotContext ctx, LocalText reason) {
        String lang = lang(ctx);
        List<String> missed = missed(ctx);
        ctx.set(CLOSING, null);
        ctx.set(MISSES, null);
        ctx.set(MISSED, null);
        ctx.reply(text(ctx, s.texts().handoff()));
        String note = Template.of(s.texts().handoffSummary().in(lang)).renderEscaped(Map.of(
                "reason", reason.in(lang),
                "question", abbreviate(ctx.utterance().text()),
                "misses", missed.isEmpty() ? "—" : missed.stream().map(q -> "«" + q + "»").collect(Collectors.joining("; "))));
        OperatorNote.post(ctx, note);
        ctx.toOperator();
    }

    private void closing(BotContext ctx) {
        String lang = lang(ctx);
        ctx.set(CLOSING, "1");
        Keyboard kb = Keyboard.builder()
                .button(Button.text(s.texts().yes().in(lang)).action(ButtonAction.SEND, s.texts().yes().in(lang))
                        .display(Button.Display.LINE))
                .button(Button.text(s.texts().no().in(lang)).action(ButtonAction.SEND, s.texts().no().in(lang))
                        .display(Button.Display.LINE))
                .build();
        ctx.reply(Reply.text(s.texts().closing().in(lang) + " " + s.texts().closeQuestion().in(lang)).keyboard(kb.toParam()));
    }

    private static Reply render(KbEntry e, String lang) {
        return KnowledgeBaseIntent.answer(e, lang);
    }

    private String text(BotContext ctx, LocalText t) {
        return t.in(lang(ctx));
    }

    // ---- recognizers

    private boolean isClosing(Utterance u) {
        Set<String> phrases = normalized(s.closingPhrases());
        if (phrases.contains(u.normalized())) {
            return true;
        }
        Set<String> vocabulary = phrases.stream().flatMap(p -> List.of(p.split(" ")).stream()).collect(Collectors.toSet());
        boolean hasCore = u.tokens().stream().anyMatch(phrases::contains);
        return hasCore && !u.tokens().isEmpty() && vocabulary.containsAll(u.tokens());
    }

    private static String lang(BotContext ctx) {
        return ctx.language();
    }

    private static List<String> missed(BotContext ctx) {
        return ctx.var(MISSED).filter(v -> !v.isEmpty()).map(v -> List.of(v.split(MISSED_SEPARATOR))).orElse(List.of());
    }

    private static String abbreviate(String s) {
        String t = s.replace('\n', ' ').strip();
        return t.length() <= 200 ? t : t.substring(0, 200) + "…";
    }

    /** The words plus every language's button label, normalized: pressing the button says the label. */
    private static Set<String> normalized(List<String> words, LocalText label) {
        List<String> all = new ArrayList<>(words);
        all.addAll(label.byLanguage().values());
        return normalized(all);
    }

    private static Set<String> normalized(List<String> words) {
        return words.stream().map(Utterance::normalize).collect(Collectors.toUnmodifiableSet());
    }
}
