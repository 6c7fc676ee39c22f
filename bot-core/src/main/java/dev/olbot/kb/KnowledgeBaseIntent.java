package dev.olbot.kb;

import dev.olbot.bot.text.BbCode;
import dev.olbot.bot.BotContext;
import dev.olbot.bot.Handler;
import dev.olbot.bot.routing.Match;
import dev.olbot.bot.routing.Matcher;
import dev.olbot.bot.routing.Precedence;
import dev.olbot.bot.Reply;
import dev.olbot.bot.routing.Utterance;
import dev.olbot.rest.methods.message.Button;
import dev.olbot.rest.methods.message.ButtonAction;
import dev.olbot.rest.methods.message.Keyboard;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A knowledge base as an intent: it matches a message its {@link KnowledgeBaseIndex} answers or
 * offers "did you mean" for, and {@link #reply} answers in the client's language ({@link
 * BotContext#language()}) — the entry's answer with its links and buttons, or a keyboard of the
 * candidates. A message it has no answer for is left to the next intent or the fallback.
 *
 * <pre>{@code
 * KnowledgeBaseIntent faq = KnowledgeBaseIntent.of(KnowledgeBase.load(Path.of("faq.yaml")));
 * Bot bot = Bot.builder("faq_bot")
 *         .on(faq, faq.reply())
 *         .fallback(ctx -> ctx.reply("Sorry, I don't know that yet. Write 'operator' for a person."))
 *         .build();
 * }</pre>
 *
 * It is a {@link Precedence#FUZZY} intent: keywords, regexes and predicates come first. Immutable
 * and thread-safe.
 */
public final class KnowledgeBaseIntent implements Matcher {

    /** What the "did you mean" keyboard says by default. */
    public static final LocalText DID_YOU_MEAN = LocalText.of("Уточните, пожалуйста, что вы имели в виду:", "Did you mean:");

    private static final String ENTRY = "entry";
    private static final String CANDIDATES = "candidates";

    private final KnowledgeBaseIndex index;

    private KnowledgeBaseIntent(KnowledgeBaseIndex index) {
        this.index = index;
    }

    /** With the default thresholds ({@link KnowledgeBaseIndex.Thresholds#defaults()}). */
    public static KnowledgeBaseIntent of(KnowledgeBase kb) {
        return new KnowledgeBaseIntent(KnowledgeBaseIndex.of(kb));
    }

    public static KnowledgeBaseIntent of(KnowledgeBaseIndex index) {
        return new KnowledgeBaseIntent(index);
    }

    public KnowledgeBaseIndex index() {
        return index;
    }

    @Override
    public Precedence kind() {
        return Precedence.FUZZY;
    }

    @Override
    public Match match(Utterance utterance, BotContext ctx) {
        KbMatch m = index.match(utterance.text());
        if (m instanceof KbMatch.Answer a) {
            String ids = String.join(",", a.entries().stream().map(KbEntry::id).toList());
            return Match.hit(a.confidence(), Map.of(ENTRY, ids), ids);
        }
        if (m instanceof KbMatch.DidYouMean d) {
            List<String> ids = d.candidates().stream().map(c -> c.entry().id()).toList();
            return Match.hit(d.candidates().get(0).confidence(), Map.of(CANDIDATES, String.join(",", ids)),
                    "did you mean " + ids);
        }
        return Match.MISS;
    }

    @Override
    public List<String> keys() {
        return List.of("knowledge base " + index.knowledgeBase().source());
    }

    @Override
    public String describe() {
        return "knowledge base '" + index.knowledgeBase().source() + "'";
    }

    /** The decision for the message this intent matched in {@code ctx} (an answer or "did you mean"). */
    public KbMatch decision(BotContext ctx) {
        Map<String, String> groups = ctx.match().groups();
        KnowledgeBase kb = index.knowledgeBase();
        if (groups.containsKey(ENTRY)) {
            List<KbEntry> entries = Arrays.stream(groups.get(ENTRY).split(",")).map(id -> kb.entry(id).orElseThrow()).toList();
            return new KbMatch.Answer(entries.get(0), ctx.match().score(), entries.subList(1, entries.size()).stream()
                    .map(e -> new KbMatch.Candidate(e, ctx.match().score())).toList());
        }
        if (groups.containsKey(CANDIDATES)) {
            List<KbMatch.Candidate> list = new ArrayList<>();
            Arrays.stream(groups.get(CANDIDATES).split(",")).forEach(id ->
                    list.add(new KbMatch.Candidate(kb.entry(id).orElseThrow(), ctx.match().score())));
            return new KbMatch.DidYouMean(list);
        }
        return index.match(ctx.utterance().text());
    }

    /**
     * The knowledge base's out-of-scope reply ({@link KbOutOfScope#reply()}) in the client's language
     * when the message in {@code ctx} is judged out of scope ({@link KbMatch.NoAnswer#outOfScope()}:
     * "сколько стоит доставка пиццы"); empty when it is not, or the base has no such reply. For a
     * fallback: this intent does not match such a message.
     *
     * <pre>{@code
     * .fallback(ctx -> ctx.reply(faq.outOfScopeReply(ctx).orElse(Reply.text("Sorry, I don't know that yet."))))
     * }</pre>
     */
    public Optional<Reply> outOfScopeReply(BotContext ctx) {
        Optional<LocalText> text = index.knowledgeBase().outOfScope().reply();
        if (text.isEmpty() || !(index.match(ctx.utterance().text()) instanceof KbMatch.NoAnswer n) || !n.outOfScope()) {
            return Optional.empty();
        }
        return Optional.of(Reply.text(text.get().in(ctx.language())));
    }

    /** A handler that answers with {@link #reply(BotContext, LocalText)} and the default "did you mean" text. */
    public Handler reply() {
        return ctx -> reply(ctx, DID_YOU_MEAN);
    }

    /**
     * Answers the matched message in the client's language: the entry (one reply per entry when
     * the message asked two questions answered with confidence), or a keyboard of the candidates.
     */
    public void reply(BotContext ctx, LocalText didYouMean) {
        String lang = ctx.language();
        KbMatch m = decision(ctx);
        if (m instanceof KbMatch.Answer a) {
            a.entries().forEach(e -> ctx.reply(answer(e, lang))); // two questions: two answers, in message order
        } else if (m instanceof KbMatch.DidYouMean d) {
            ctx.reply(didYouMean(d.candidates().stream().map(KbMatch.Candidate::entry).toList(), lang, didYouMean));
        }
    }

    /** An entry's answer in {@code lang}: the text, its links below, its buttons as a keyboard. */
    public static Reply answer(KbEntry e, String lang) {
        StringBuilder text = new StringBuilder(e.answer().in(lang));
        if (!e.links().isEmpty()) {
            text.append(BbCode.BR);
            for (KbEntry.KbLink l : e.links()) {
                text.append(BbCode.BR).append("[url=").append(l.url()).append("]").append(BbCode.escape(l.title().in(lang)))
                        .append("[/url]");
            }
        }
        Reply reply = Reply.text(text.toString());
        if (e.buttons().isEmpty()) {
            return reply;
        }
        Keyboard.Builder kb = Keyboard.builder();
        for (KbEntry.KbButton b : e.buttons()) {
            Button button = Button.text(b.label().in(lang));
            b.link().ifPresent(button::link);
            b.send().ifPresent(q -> button.action(ButtonAction.SEND, q.in(lang)));
            kb.button(button);
        }
        return reply.keyboard(kb.build().toParam());
    }

    /** "Did you mean": {@code prompt} and one button per entry that sends the entry's first question in {@code lang}. */
    public static Reply didYouMean(List<KbEntry> entries, String lang, LocalText prompt) {
        Keyboard.Builder kb = Keyboard.builder();
        for (KbEntry e : entries) {
            kb.button(Button.text(e.title(lang)).action(ButtonAction.SEND, e.title(lang)));
        }
        return Reply.text(prompt.in(lang)).keyboard(kb.build().toParam());
    }
}
