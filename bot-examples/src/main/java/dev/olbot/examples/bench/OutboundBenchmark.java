package dev.olbot.examples.bench;

import dev.olbot.event.Portal;
import dev.olbot.rest.CallOptions;
import dev.olbot.rest.RateLimit;
import dev.olbot.rest.RestClient;
import dev.olbot.rest.RestResponse;
import dev.olbot.testkit.ChatMessage;
import dev.olbot.testkit.Client;
import dev.olbot.testkit.Delivery;
import dev.olbot.testkit.FakeBitrix24;
import dev.olbot.testkit.FakePortal;
import dev.olbot.testkit.Installation;
import dev.olbot.testkit.OpenLine;
import dev.olbot.testkit.OpenLineChat;
import dev.olbot.testkit.RatePlan;
import dev.olbot.testkit.RecordedCall;
import dev.olbot.testkit.VirtualClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Outbound throughput under the platform's rate limit ({@code olbot bench outbound}): the embedded
 * fake account serves HTTP on 127.0.0.1 and enforces the leaky bucket on a clock that follows real
 * time; a {@link RestClient} configured as the installed app sends one {@code imbot.message.add}
 * to each of N different open-line dialogs, all issued at once, each ordered by its dialog id.
 *
 * <p>Setup (install, bot registration, N clients saying hello so N chats exist with the bot in
 * them) runs before the limit is switched on; the measured phase starts with an empty bucket and
 * counts only the HTTP requests the fake received from then on (a coalesced {@code batch} counts
 * once). Afterwards every chat is checked: a dialog counts as an error unless its call succeeded
 * and its chat holds exactly one copy of its reply.
 */
public final class OutboundBenchmark {

    private static final String EVENTS_PREFIX = "http://bench.olbot.test/";

    /** What one run measured. {@code rejected} = requests the fake refused with QUERY_LIMIT_EXCEEDED. */
    public record Result(int replies, double seconds, int errors, int requests, int rejected, List<String> problems) {

        /** The line {@code olbot bench outbound} prints. */
        public String line() {
            return String.format(java.util.Locale.ROOT, "outbound: %d replies, %.2f s, %d errors, %d requests",
                    replies, seconds, errors, requests);
        }
    }

    private final int replies;
    private final boolean coalescing;
    private final boolean enterprise;
    private final double clockSpeed;

    /**
     * @param clockSpeed how fast the fake's (and the client's pacing) clock runs against real time;
     *                   1 for a real benchmark, more only to make tests quick
     */
    public OutboundBenchmark(int replies, boolean coalescing, boolean enterprise, double clockSpeed) {
        if (replies < 1) {
            throw new IllegalArgumentException("replies must be >= 1");
        }
        this.replies = replies;
        this.coalescing = coalescing;
        this.enterprise = enterprise;
        this.clockSpeed = clockSpeed;
    }

    /** Runs setup and the measured phase and prints the result line to {@code out}. */
    public Result run(PrintStream out) throws Exception {
        Result r = run();
        out.println(r.line());
        return r;
    }

    public Result run() throws Exception {
        Vertx vertx = Vertx.vertx();
        VirtualClock clock = new VirtualClock(Instant.now());
        FakeBitrix24 fake = FakeBitrix24.create(clock, vertx).start();
        ClockFollower follower = new ClockFollower(clock, clockSpeed);
        RestClient rest = null;
        try {
            // ---- setup: not rate limited, not counted
            fake.mount(EVENTS_PREFIX, (url, body) -> CompletableFuture.completedFuture(200));
            FakePortal portal = fake.portal();
            Installation install = fake.installApp(EVENTS_PREFIX + "install");
            install.delivery().get(10, TimeUnit.SECONDS);
            RestResponse registered = fake.inProcess().call(portal.memberId(), "imbot.register", Map.of(
                            "CODE", "bench_bot", "TYPE", "O", "OPENLINE", "Y",
                            "EVENT_HANDLER", EVENTS_PREFIX + "events",
                            "PROPERTIES", Map.of("NAME", "Bench", "LAST_NAME", "Bot")))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            int botId = registered.result().asInt();
            int operator = portal.addUser("Olga Operator");
            OpenLine line = portal.addLine("Bench", l -> l.welcomeBot(botId, 0).queue(operator));
            List<String> dialogs = new ArrayList<>(replies);
            List<CompletableFuture<Delivery>> events = new ArrayList<>();
            for (int i = 0; i < replies; i++) {
                Client client = portal.client(line.id(), "Client " + (i + 1));
                events.addAll(client.says("hello").deliveries());
                OpenLineChat chat = client.chat();
                if (!chat.members().contains(botId)) {
                    throw new IllegalStateException("bot " + botId + " did not join " + chat.dialogId());
                }
                dialogs.add(chat.dialogId());
            }
            CompletableFuture.allOf(events.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

            RateLimit limit = enterprise ? RateLimit.ENTERPRISE : RateLimit.STANDARD;
            rest = RestClient.create(vertx, o -> o.oauth(fake.clientId(), fake.clientSecret())
                    .rateLimit(limit).coalescing(coalescing).clock(follower.restClock(vertx)));
            rest.registerInstall(new Portal(portal.domain(), portal.memberId(), fake.clientEndpoint(), fake.serverEndpoint()),
                            install.accessToken(), install.refreshToken(), 3600, install.applicationToken())
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

            // ---- measured phase: a fresh bucket, only requests from here on count
            long mark = lastSeq(fake);
            portal.enforceRateLimit(enterprise ? RatePlan.ENTERPRISE : RatePlan.STANDARD);
            @SuppressWarnings("unchecked")
            Future<RestResponse>[] calls = new Future[replies];
            CountDownLatch done = new CountDownLatch(replies);
            long start = System.nanoTime();
            for (int i = 0; i < replies; i++) {
                String dialog = dialogs.get(i);
                calls[i] = rest.call(portal.memberId(), "imbot.message.add",
                        Map.of("BOT_ID", botId, "DIALOG_ID", dialog, "MESSAGE", replyText(i)), CallOptions.ordered(dialog));
                calls[i].onComplete(ar -> done.countDown());
            }
            long timeoutSeconds = Math.max(120, (long) (replies / limit.perSecond() / clockSpeed * 2));
            if (!done.await(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IllegalStateException("calls still pending after " + timeoutSeconds + " s");
            }
            double seconds = (System.nanoTime() - start) / 1e9;

            // ---- count what the fake received and what the chats hold
            int requests = 0;
            int rejected = 0;
            for (RecordedCall c : fake.calls().all()) {
                if (c.seq() > mark && c.viaBatch().isEmpty()) {
                    requests++;
                    if ("QUERY_LIMIT_EXCEEDED".equals(c.error())) {
                        rejected++;
                    }
                }
            }
            int recorded = 0;
            int errors = 0;
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < replies; i++) {
                String text = replyText(i);
                int chatId = Integer.parseInt(dialogs.get(i).substring(4));
                List<ChatMessage> copies = portal.chat(chatId).orElseThrow().messages().stream()
                        .filter(m -> m.role().equals("bot") && m.authorId() == botId && m.text().equals(text)).toList();
                recorded += copies.size();
                if (calls[i].failed()) {
                    errors++;
                    addProblem(problems, dialogs.get(i) + ": call failed: " + calls[i].cause());
                } else if (copies.size() != 1) {
                    errors++;
                    addProblem(problems, dialogs.get(i) + ": chat holds " + copies.size() + " copies of the reply");
                } else if (calls[i].result().result().asInt() != copies.get(0).id()) {
                    errors++;
                    addProblem(problems, dialogs.get(i) + ": call returned message " + calls[i].result().result()
                            + " but the chat holds " + copies.get(0).id());
                }
            }
            return new Result(recorded, seconds, errors, requests, rejected, problems);
        } finally {
            if (rest != null) {
                rest.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
            follower.close();
            fake.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static String replyText(int i) {
        return "Bench reply #" + (i + 1);
    }

    private static long lastSeq(FakeBitrix24 fake) {
        return fake.calls().all().stream().mapToLong(RecordedCall::seq).max().orElse(0);
    }

    private static void addProblem(List<String> problems, String p) {
        if (problems.size() < 20) {
            problems.add(p);
        }
    }
}
