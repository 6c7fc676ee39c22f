package dev.olbot.examples.bench;

import static dev.olbot.testkit.scenario.TextMatch.contains;

import dev.olbot.examples.ExampleBots;
import dev.olbot.testkit.scenario.BotTestKit;
import dev.olbot.testkit.scenario.Scenario;
import dev.olbot.testkit.scenario.ScenarioResult;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * Wall time of a whole Open Lines conversation on the virtual clock ({@code olbot bench
 * conversation}) with the shipped triage bot: the client greets, picks "sales" from the menu,
 * answers two questions (one invalid), a lead is created and the dialog transferred to the sales
 * line, the operator accepts and writes, ten virtual minutes pass, the operator finishes. Each
 * conversation runs on a fresh {@link BotTestKit} (fake account + real OLBot ingress + engine,
 * in-process by default); only {@code kit.run(...)} is timed, not the kit's start.
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

    /** The measured conversation. */
    static Scenario conversation() {
        return Scenario.named("triage: sales, lead, transfer, operator, 10 minutes, finish")
                .clientSays("добрый день").expectReply(contains("Здравствуйте")).expectReply(contains("Выберите тему обращения"))
                .clientPresses(1).expectReply(contains("Вас зовут"))
                .clientSays("Анна").expectReply(contains("Ваш номер телефона"))
                .clientSays("не помню").expectReply(contains("Не похоже на номер телефона"))
                .expectReply(contains("Ваш номер телефона"))
                .clientSays("+7 (999) 123-45-67").expectReply(contains("Передаю вас в отдел продаж"))
                .expectReply(contains("phone: +79991234567"))
                .expectLeadCreated().expectDialogWithLine(3)
                .operatorAccepts().operatorSays("Анна, добрый день! Чем помочь?")
                .timePasses(Duration.ofMinutes(10)).expectNoReply()
                .operatorFinishes().expectFinished()
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
        Scenario scenario = conversation();
        int failures = 0;
        String firstFailure = "";
        double[] millis = new double[runs];
        long virtualNanos = 0;
        for (int i = -warmup; i < runs; i++) {
            try (BotTestKit kit = BotTestKit.start(o -> {
                ExampleBots.TRIAGE.embedded(null).accept(o);
                o.transport(http ? BotTestKit.Transport.HTTP : BotTestKit.Transport.IN_PROCESS);
            })) {
                Instant virtualStart = kit.clock().instant();
                long wallStart = System.nanoTime();
                ScenarioResult r = kit.run(scenario);
                double ms = (System.nanoTime() - wallStart) / 1e6;
                if (!r.passed()) {
                    failures++;
                    firstFailure = firstFailure.isEmpty() ? "step " + r.failedStep() + ": " + r.message() : firstFailure;
                }
                if (i >= 0) {
                    millis[i] = ms;
                    virtualNanos += Duration.between(virtualStart, kit.clock().instant()).toNanos();
                }
            }
        }
        double mean = Arrays.stream(millis).average().orElse(0);
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double p99 = sorted[Math.max(0, (int) Math.ceil(0.99 * runs) - 1)];
        return new Result(runs, mean, p99, virtualNanos / 60e9 / runs, failures, firstFailure);
    }
}
