package dev.olbot.examples.triage;

import dev.olbot.bot.BotContext;
import dev.olbot.bot.Validation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The message-taking questions for a dialog the bot does not own any more (handed to a queue that
 * nobody answered). The bot model routes neither intents nor flows in a muted dialog, and a handler
 * cannot take the dialog back, so this walks the same questions as the {@code message} flow from
 * {@code onMutedMessage}, keeping its step and answers in dialog variables (they survive restarts).
 */
final class MutedMessageTaking {

    static final String STEP = "triage.msg.step";
    static final String ANSWER = "triage.msg.";

    private final List<TriageConfig.Question> questions;
    private final BiConsumer<BotContext, Map<String, String>> onComplete;

    MutedMessageTaking(List<TriageConfig.Question> questions, BiConsumer<BotContext, Map<String, String>> onComplete) {
        this.questions = questions;
        this.onComplete = onComplete;
    }

    boolean active(BotContext ctx) {
        return ctx.var(STEP).isPresent();
    }

    void start(BotContext ctx) {
        ctx.set(STEP, "0");
        ctx.reply(questions.get(0).ask());
    }

    void onMessage(BotContext ctx) {
        int step = Integer.parseInt(ctx.var(STEP).orElseThrow());
        TriageConfig.Question q = questions.get(step);
        Validation v = TriageBot.check(q, ctx.utterance().text());
        if (v instanceof Validation.Invalid invalid) {
            ctx.reply(invalid.message());
            ctx.reply(q.ask());
            return;
        }
        ctx.set(ANSWER + q.name(), ((Validation.Valid) v).value());
        if (step + 1 < questions.size()) {
            ctx.set(STEP, Integer.toString(step + 1));
            ctx.reply(questions.get(step + 1).ask());
            return;
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (TriageConfig.Question each : questions) {
            answers.put(each.name(), ctx.var(ANSWER + each.name()).orElse(""));
        }
        clear(ctx);
        onComplete.accept(ctx, answers);
    }

    void clear(BotContext ctx) {
        ctx.set(STEP, null);
        for (TriageConfig.Question q : questions) {
            ctx.set(ANSWER + q.name(), null);
        }
    }
}
