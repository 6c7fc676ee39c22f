package dev.olbot.examples.faq;

import dev.olbot.bot.BbCode;
import dev.olbot.bot.Bot;
import dev.olbot.bot.BotContext;
import dev.olbot.bot.Intent;
import dev.olbot.bot.Reply;
import dev.olbot.bot.Template;
import dev.olbot.bot.Utterance;
import dev.olbot.kb.KbEntry;
import dev.olbot.kb.KbMatch;
import dev.olbot.kb.KnowledgeBase;
import dev.olbot.kb.KnowledgeBaseIndex;
import dev.olbot.kb.LocalText;
import dev.olbot.rest.methods.message.Button;
import dev.olbot.rest.methods.message.ButtonAction;
import dev.olbot.rest.methods.message.Keyboard;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A FAQ bot for an open line: answers from a {@link KnowledgeBase}, asks "did you mean" when two
 * answers are close, hands the dialog to the operator queue after {@code maxMisses} misses in a row
 * or when the client asks for a person (with a note for the operator), and offers to close the chat
 * when the client says thanks or goodbye.
 *
 * <pre>{@code
 * Bot bot = FaqBot.create(KnowledgeBase.load(Path.of("faq.yaml")), FaqSettings.defaults());
 * }</pre>
 *
 * Everything it does is in the returned {@link Bot} and the two arguments; the dialog's progress
 * (misses, the pending close question, the client's language) lives in dialog variables, so it
 * survives restarts. Replies follow the language of the client's last message (Cyrillic: {@code ru},
 * else {@code en}).
 */
public final class FaqBot {

    /** The knowledge base shipped with the examples (a class-path resource). */
    public static final String KNOWLEDGE_BASE = "faq/knowledge-base.yaml";

    static final String LANG = "faq.lang";
    static final String MISSES = "faq.misses";
    static final String MISSED = "faq.missed";
    static final String CLOSING = "faq.closing";
    static final String WELCOMED = "faq.welcomed";
    private static final String MISSED_SEPARATOR = "\n";

    private final KnowledgeBase kb;
    private final FaqSettings s;
    private final KnowledgeBaseIndex matcher;

    private FaqBot(KnowledgeBase kb, FaqSettings settings) {
        this.kb = kb;
        this.s = settings;
        this.matcher = KnowledgeBaseIndex.of(kb, settings.thresholds());
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
                .use((ctx, next) -> {
                    detectLanguage(ctx);
                    next.proceed();
                })
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
                .on(Intent.when("asks-for-person", (u, ctx) -> asksForPerson(u)),
                        ctx -> handOff(ctx, s.texts().reasonAsked()))
                .fallback(this::answer)
                .build();
    }

    // ---- handlers

    private void welcome(BotContext ctx) {
        ctx.set(MISSES, null);
        ctx.set(MISSED, null);
        ctx.set(CLOSING, null);
        ctx.set(WELCOMED, "1");
        String lang = lang(ctx);
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
        if (ctx.var(WELCOMED).isPresent()) {
            ctx.set(WELCOMED, null);
            return;
        }
        welcome(ctx);
        ctx.set(WELCOMED, null);
    }

    private void answer(BotContext ctx) {
        ctx.set(CLOSING, null);
        ctx.set(WELCOMED, null);
        KbMatch m = matcher.match(ctx.utterance().text());
        if (m instanceof KbMatch.Answer a) {
            ctx.set(MISSES, null);
            ctx.set(MISSED, null);
            ctx.reply(render(a.entry(), lang(ctx)));
        } else if (m instanceof KbMatch.DidYouMean d) {
            String lang = lang(ctx);
            Keyboard.Builder kb = Keyboard.builder();
            for (KbMatch.Candidate c : d.candidates()) {
                kb.button(Button.text(c.entry().title(lang)).action(ButtonAction.SEND, c.entry().title(lang)));
            }
            ctx.reply(Reply.text(text(ctx, s.texts().didYouMean())).keyboard(kb.build().toParam()));
        } else {
            miss(ctx);
        }
    }

    private void miss(BotContext ctx) {
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

    // ---- rendering

    private static Reply render(KbEntry e, String lang) {
        StringBuilder text = new StringBuilder(e.answer().in(lang));
        if (!e.links().isEmpty()) {
            text.append(BbCode.BR);
            for (KbEntry.FaqLink l : e.links()) {
                text.append(BbCode.BR).append("[url=").append(l.url()).append("]").append(BbCode.escape(l.title().in(lang)))
                        .append("[/url]");
            }
        }
        Reply reply = Reply.text(text.toString());
        if (e.buttons().isEmpty()) {
            return reply;
        }
        Keyboard.Builder kb = Keyboard.builder();
        for (KbEntry.FaqButton b : e.buttons()) {
            Button button = Button.text(b.label().in(lang));
            b.link().ifPresent(button::link);
            b.send().ifPresent(q -> button.action(ButtonAction.SEND, q.in(lang)));
            kb.button(button);
        }
        return reply.keyboard(kb.build().toParam());
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

    private boolean asksForPerson(Utterance u) {
        for (String token : u.tokens()) {
            for (String w : s.operatorWords()) {
                String word = Utterance.normalize(w);
                if (token.equals(word)) {
                    return true;
                }
                boolean cyrillic = isCyrillic(word);
                String rest = token.startsWith(word) ? token.substring(word.length()) : null;
                if (rest != null && (cyrillic ? rest.length() <= 3 : rest.equals("s"))) {
                    return true; // оператора, оператором, менеджеру; agents, humans
                }
            }
        }
        return false;
    }

    private static void detectLanguage(BotContext ctx) {
        String text = ctx.utterance().text();
        if (text.codePoints().anyMatch(FaqBot::isCyrillic)) {
            ctx.set(LANG, "ru");
        } else if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN)) {
            ctx.set(LANG, "en");
        }
    }

    private static String lang(BotContext ctx) {
        return ctx.var(LANG).orElse("ru");
    }

    private static boolean isCyrillic(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC;
    }

    private static boolean isCyrillic(String s) {
        return s.codePoints().anyMatch(FaqBot::isCyrillic);
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
