package dev.olbot.examples.bench;

import dev.olbot.bot.Bot;
import dev.olbot.bot.BotEngine;
import dev.olbot.ingress.ApplicationTokenVerifier;
import dev.olbot.ingress.Ingress;
import dev.olbot.ingress.InstallConfirmer;
import dev.olbot.ingress.InstallGate;
import dev.olbot.ingress.InstallRegistry;
import dev.olbot.rest.OAuthServers;
import dev.olbot.rest.RateLimit;
import dev.olbot.rest.RestClient;
import dev.olbot.testkit.ChatMessage;
import dev.olbot.testkit.Client;
import dev.olbot.testkit.FakeBitrix24;
import dev.olbot.testkit.FakePortal;
import dev.olbot.testkit.Faults;
import dev.olbot.testkit.OpenLine;
import dev.olbot.testkit.RatePlan;
import dev.olbot.testkit.RecordedCall;
import dev.olbot.testkit.VirtualClock;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What the client sees when the platform fails ({@code olbot bench faults}): {@code dialogs}
 * open-line clients each write {@code rounds} messages to a bot that answers every message with
 * one reply; the embedded fake account (HTTP on 127.0.0.1, the standard rate limit, a clock that
 * follows real time {@code speed} times as fast) injects one fault kind on {@code share} of all REST
 * requests, at random with a fixed seed. The bot is the real stack: ingress lanes, {@link BotEngine}
 * with the default error policy, and a {@link RestClient} that coalesces the dialogs' replies into
 * {@code batch} requests.
 *
 * <p>A round is every client writing once; the next round starts when every turn has finished.
 * Afterwards each client message is judged by what its chat holds between it and the client's
 * next message (the reply texts are unique): the reply once, lost with the client told (an apology
 * or a handoff message, no reply), lost silently, duplicated, an apology although the reply
 * arrived, a reply that arrived only after the client's next message; and every error-policy
 * handoff that came although fewer than two turns in a row had really lost their reply.
 */
public final class FaultsBenchmark {

    /** The default error policy's words, in every language it speaks. */
    static final java.util.Set<String> SORRY = java.util.Set.copyOf(dev.olbot.bot.text.BotTexts.APOLOGY.byLanguage().values());
    static final java.util.Set<String> HANDOFF = java.util.Set.copyOf(dev.olbot.bot.text.BotTexts.ERROR_HANDOFF.byLanguage().values());
    private static final String PREFIX = "http://faults.olbot.test/";

    /** Figures of one run (one fault kind). */
    public record Result(String kind, int turns, int requests, int faults, int deliveredOnce, int lostTold, int lostSilently,
                         int duplicated, int apologiesAfterDelivered, int late, int needlessHandoffs, int handoffs,
                         int mutedAfterHandoff, int unfinishedRounds, double seconds) {

        public String line() {
            return String.format(Locale.ROOT, "%-30s turns %d, requests %d, faults %d: delivered once %d, lost+told %d, lost silently %d,"
                            + " duplicated %d, apology after delivered %d, late %d, needless handoffs %d (handoffs %d,"
                            + " muted after handoff %d), %.1f s",
                    kind, turns, requests, faults, deliveredOnce, lostTold, lostSilently, duplicated, apologiesAfterDelivered, late,
                    needlessHandoffs, handoffs, mutedAfterHandoff, seconds) + (unfinishedRounds > 0 ? ", UNFINISHED rounds " + unfinishedRounds : "");
        }

        /** The targets: no silent loss, no duplicate, no apology after a delivered reply, no needless handoff. */
        public boolean targetsMet() {
            return lostSilently == 0 && duplicated == 0 && apologiesAfterDelivered == 0 && needlessHandoffs == 0 && late == 0
                    && unfinishedRounds == 0;
        }
    }

    private final int dialogs;
    private final int rounds;
    private final double share;
    private final long seed;
    private final double speed;

    public FaultsBenchmark(int dialogs, int rounds, double share, long seed, double speed) {
        if (dialogs < 1 || rounds < 1 || !(share >= 0 && share <= 1) || !(speed > 0)) {
            throw new IllegalArgumentException("dialogs and rounds must be >= 1, share in [0, 1], speed > 0");
        }
        this.dialogs = dialogs;
        this.rounds = rounds;
        this.share = share;
        this.seed = seed;
        this.speed = speed;
    }

    /** Runs one measured run per kind (and, with {@code mixed}, one with all kinds mixed) and prints a line for each. */
    public List<Result> run(List<Faults.Kind> kinds, boolean mixed, PrintStream out) throws Exception {
        List<Result> results = new ArrayList<>();
        for (Faults.Kind kind : kinds) {
            Result r = run(kind);
            out.println(r.line());
            results.add(r);
        }
        if (mixed) {
            Result r = runMixed();
            out.println(r.line());
            results.add(r);
        }
        return results;
    }

    public Result run(Faults.Kind kind) throws Exception {
        return run(kind.name(), kind);
    }

    /** One run with every kind mixed: each faulted request gets one of them at random. */
    public Result runMixed() throws Exception {
        return run("ALL KINDS MIXED", Faults.Kind.values());
    }

    private Result run(String label, Faults.Kind... kinds) throws Exception {
        Vertx vertx = Vertx.vertx();
        VirtualClock clock = new VirtualClock(Instant.now());
        FakeBitrix24 fake = FakeBitrix24.create(clock, vertx).start();
        ClockFollower follower = new ClockFollower(clock, speed);
        OAuthServers servers = OAuthServers.of(List.of(fake.baseUrl() + "/"));
        RestClient rest = RestClient.create(vertx, o -> o.oauth(fake.clientId(), fake.clientSecret()).oauthServers(servers)
                .rateLimit(RateLimit.STANDARD).clock(follower.restClock(vertx))
                .requestTimeout(Duration.ofSeconds(2)).retries(3, Duration.ofMillis(100)));
        InstallRegistry installs = InstallRegistry.inMemory();
        BotEngine[] engine = new BotEngine[1];
        // the install is confirmed on the fake's authorisation server, as BotServer does, which hands its tokens to rest
        Ingress ingress = Ingress.create(b -> b.verifier(ApplicationTokenVerifier.forApp(installs).trusting(servers))
                .installGate(InstallGate.of(installs, InstallConfirmer.oauthServer(rest)))
                .sink(event -> engine[0].accept(event)).workerThreads(dialogs + 4));
        try {
            engine[0] = BotEngine.create(e -> e.bot(bot()).rest(rest).clock(clock).handlerUrl(PREFIX + "events")
                    .lanes(ingress::submit).callTimeoutMillis((long) (65_000 / speed)));
            fake.mount(PREFIX, (target, body) -> CompletableFuture.completedFuture(
                    ingress.receive("application/x-www-form-urlencoded", body, java.util.Map.of()).status()));
            FakePortal portal = fake.portal();
            fake.installApp(PREFIX + "events").delivery().get(30, TimeUnit.SECONDS);
            ingress.awaitIdle(30_000);
            int botId = portal.botId("faults_bot").orElseThrow(() -> new IllegalStateException("the bot did not register"));
            int operator = portal.addUser("Olga Operator");
            OpenLine line = portal.addLine("Faults", l -> l.welcomeBot(botId, 0).queue(operator));
            List<Client> clients = new ArrayList<>();
            for (int i = 0; i < dialogs; i++) {
                clients.add(portal.client(line.id(), "Client " + (i + 1)));
            }

            portal.enforceRateLimit(RatePlan.STANDARD);
            long mark = fake.calls().all().stream().mapToLong(RecordedCall::seq).max().orElse(0);
            fake.faults().random(seed, share, kinds);
            long start = System.nanoTime();
            int unfinished = 0;
            for (int r = 0; r < rounds; r++) {
                List<CompletableFuture<?>> sent = new ArrayList<>();
                for (int i = 0; i < dialogs; i++) {
                    sent.addAll(clients.get(i).says(clientText(i, r)).deliveries());
                }
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                if (!ingress.awaitIdle((long) (600_000 / Math.max(1, speed)) + 60_000)) {
                    unfinished++;
                }
            }
            fake.faults().stopRandom();
            // let late effects (held answers, calls still queued) show before judging
            Thread.sleep(Math.max(3000, (long) (120_000 / speed)));
            ingress.awaitIdle(60_000);
            double seconds = (System.nanoTime() - start) / 1e9;
            int requests = (int) fake.calls().all().stream().filter(c -> c.seq() > mark && c.viaBatch().isEmpty()).count();
            return judge(label, fake, clients, botId, requests, unfinished, seconds);
        } finally {
            ingress.close();
            rest.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            follower.close();
            fake.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** The bot: one reply per client message, unique per dialog and round. */
    static Bot bot() {
        return Bot.builder("faults_bot").name("Faults")
                .fallback(ctx -> ctx.reply(replyText(ctx.utterance().text())))
                .build();
    }

    static String clientText(int dialog, int round) {
        return "client " + dialog + " message " + round;
    }

    static String replyText(String clientText) {
        return "answer to " + clientText;
    }

    private Result judge(String kind, FakeBitrix24 fake, List<Client> clients, int botId, int requests, int unfinished,
                         double seconds) {
        int once = 0, told = 0, silent = 0, dup = 0, apologyAfter = 0, late = 0, needless = 0, handoffs = 0, muted = 0;
        for (Client client : clients) {
            List<ChatMessage> all = client.chat().messages();
            List<Integer> starts = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).role().equals("client")) {
                    starts.add(i);
                }
            }
            boolean handedOff = false;
            boolean previousLost = false;
            for (int t = 0; t < starts.size(); t++) {
                String expected = replyText(all.get(starts.get(t)).text());
                int end = t + 1 < starts.size() ? starts.get(t + 1) : all.size();
                int copies = 0, apologies = 0, lateCopies = 0;
                boolean handoffHere = false;
                for (int i = starts.get(t) + 1; i < end; i++) {
                    ChatMessage m = all.get(i);
                    if (m.authorId() != botId) {
                        continue;
                    }
                    if (m.text().equals(expected)) {
                        copies++;
                    } else if (SORRY.contains(m.text())) {
                        apologies++;
                    } else if (HANDOFF.contains(m.text())) {
                        handoffHere = true;
                    }
                }
                for (int i = end; i < all.size(); i++) {
                    if (all.get(i).authorId() == botId && all.get(i).text().equals(expected)) {
                        lateCopies++;
                    }
                }
                if (handedOff) {
                    muted++;
                    continue;
                }
                int total = copies + lateCopies;
                late += lateCopies > 0 ? 1 : 0;
                if (total == 1 && lateCopies == 0) {
                    once++;
                } else if (total > 1) {
                    dup++;
                }
                if (total == 0) {
                    if (apologies > 0 || handoffHere) {
                        told++;
                    } else {
                        silent++;
                    }
                } else if (apologies > 0 || handoffHere) {
                    apologyAfter++;
                }
                if (handoffHere) {
                    handoffs++;
                    if (!(total == 0 && previousLost)) {
                        needless++;
                    }
                    handedOff = true;
                }
                previousLost = total == 0;
            }
        }
        int faults = fake.faults().injected().size();
        return new Result(kind, clients.size() * rounds, requests, faults, once, told, silent, dup, apologyAfter, late, needless,
                handoffs, muted, unfinished, seconds);
    }
}
