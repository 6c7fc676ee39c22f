package dev.olbot.examples.bench;

import static dev.olbot.testkit.scenario.TextMatch.contains;

import dev.olbot.bot.Bot;
import dev.olbot.bot.BotContext;
import dev.olbot.bot.Flow;
import dev.olbot.bot.Intent;
import dev.olbot.bot.NumberedMenu;
import dev.olbot.bot.Validation;
import dev.olbot.testkit.scenario.BotTestKit;
import dev.olbot.testkit.scenario.Scenario;
import dev.olbot.testkit.scenario.ScenarioResult;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Wall time of a whole Open Lines conversation on the virtual clock ({@code olbot bench
 * conversation}): the conversation of bot-testkit's {@code ScenarioTest} — the client says hello,
 * the bot shows its menu, the client presses "Support", the bot hands off to the queue, the
 * operator accepts and writes, ten virtual minutes pass, the operator finishes — run through one
 * {@link BotTestKit} (fake account + real OLBot ingress + engine, in-process by default) after a
 * warm-up, each conversation with a new client. Only {@code kit.run(...)} is timed, not the kit's
 * start.
 */
public final class ConversationBenchmark {

    /**
     * What the runs measured; {@code p99Millis} is the nearest-rank 99th percentile (with 50 runs,
     * the slowest run).
     */
    public record Result(int runs, double meanMillis, double p99Millis, double virtualMinutes, int failures, String firstFailure) {

        public String line() {
            return String.format(Locale.ROOT,
                    "conversation: %d runs, mean %.1f ms, p99 %.1f ms wall time per conversation, %.1f virtual minutes per conversation, %d failures",
                    runs, meanMillis, p99Millis, virtualMinutes, failures);
        }
    }

    private final int runs;
    private final int warmup;
    private final boolean http;

    public ConversationBenchmark(int runs, int warmup, boolean http) {
        if (runs < 1 || warmup < 0) {
            throw new IllegalArgumentException("runs must be >= 1 and warmup >= 0");
        }
        this.runs = runs;
        this.warmup = warmup;
        this.http = http;
    }

    /** A small triage bot: a menu, a two-question flow with a lead, a handoff, and a no-answer timeout. */
    static Bot triage() {
        return Bot.builder("triage_bench").name("Triage")
                .menu(NumberedMenu.named("main").header("Hello! What is your question about?")
                        .item(1, "Sales", ctx -> ctx.startFlow("sales"))
                        .item(2, "Support", ctx -> {
                            ctx.reply("Connecting you to support");
                            ctx.toOperator();
                        }).build())
                .flow(Flow.named("sales")
                        .ask("name", "Your name, please?", Validation.name("Please write your name"))
                        .ask("phone", "Your phone number?", Validation.phone("Please write a phone like +7 999 123-45-67"))
                        .timeout(Duration.ofMinutes(10), ctx -> {
                            ctx.reply("No answer for 10 minutes, closing the chat.");
                            ctx.finish();
                        })
                        .onComplete(ctx -> {
                            ctx.replyTemplate("Thank you, ${name}! A manager will call ${phone}.", Map.of());
                            ctx.createLead();
                            ctx.transferToLine(2, true);
                        }).build())
                .onWelcome(ctx -> ctx.showMenu("main"))
                .on(Intent.keywords("bye", "пока"), BotContext::finish)
                .fallback(ctx -> ctx.reply("Please pick a number from the menu."))
                .build();
    }

    /** The conversation of ScenarioTest's handoff scenario. */
    static Scenario handoff() {
        return Scenario.named("support handoff, operator finishes")
                .clientSays("hello")
                .expectReply(contains("What is your question about"))
                .expectKeyboard("1. Sales", "2. Support")
                .expectReply(contains("pick a number"))
                .clientPresses(2)
                .expectReply("Connecting you to support")
                .expectDialogWithQueue()
                .operatorAccepts()
                .operatorSays("Hi, Olga here. How can I help?")
                .expectDialogWithOperator()
                .timePasses(Duration.ofMinutes(10))
                .operatorFinishes()
                .expectFinished()
                .build();
    }

    public Result run(PrintStream out) {
        Result r = run();
        out.println(r.line());
        if (r.failures() > 0) {
            out.println("first failure: " + r.firstFailure());
        }
        return r;
    }

    public Result run() {
        Scenario scenario = handoff();
        try (BotTestKit kit = BotTestKit.start(o -> o.bot(triage()).line("Sales")
                .transport(http ? BotTestKit.Transport.HTTP : BotTestKit.Transport.IN_PROCESS))) {
            int failures = 0;
            String firstFailure = "";
            for (int i = 0; i < warmup; i++) {
                ScenarioResult r = kit.run(scenario);
                if (!r.passed()) {
                    failures++;
                    firstFailure = firstFailure.isEmpty() ? "warm-up step " + r.failedStep() + ": " + r.message() : firstFailure;
                }
            }
            double[] millis = new double[runs];
            long virtualNanos = 0;
            for (int i = 0; i < runs; i++) {
                Instant virtualStart = kit.clock().instant();
                long wallStart = System.nanoTime();
                ScenarioResult r = kit.run(scenario);
                millis[i] = (System.nanoTime() - wallStart) / 1e6;
                virtualNanos += Duration.between(virtualStart, kit.clock().instant()).toNanos();
                if (!r.passed()) {
                    failures++;
                    firstFailure = firstFailure.isEmpty() ? "step " + r.failedStep() + ": " + r.message() : firstFailure;
                }
            }
            double mean = Arrays.stream(millis).average().orElse(0);
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            double p99 = sorted[Math.max(0, (int) Math.ceil(0.99 * runs) - 1)];
            return new Result(runs, mean, p99, virtualNanos / 60e9 / runs, failures, firstFailure);
        }
    }
}
