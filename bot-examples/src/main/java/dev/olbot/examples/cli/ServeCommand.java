package dev.olbot.examples.cli;

import dev.olbot.server.BotServer;
import dev.olbot.server.ServerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code olbot serve faq|triage|--bot CLASS}: a bot for a real portal. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run a bot (a shipped example, or yours with --bot/--jar) for a real Bitrix24 portal.",
            "Configuration comes from OLBOT_* environment variables and/or a properties file (--properties):",
            "  OLBOT_PUBLIC_URL      the URL Bitrix24 posts events to (https://bot.example.com/bitrix/events)",
            "  OLBOT_CLIENT_ID, OLBOT_CLIENT_SECRET   a local or Market app, or",
            "  OLBOT_WEBHOOK_URL     an inbound webhook https://portal/rest/USER_ID/SECRET/ with",
            "  OLBOT_BOT_CLIENT_ID   (v1) or OLBOT_BOT_TOKEN (v2) for the webhook-registered bot",
            "  OLBOT_API             v1 (default) or v2;  OLBOT_EVENT_MODE  webhook (default) or fetch (v2 only)",
            "  OLBOT_HOST, OLBOT_PORT   bind address and port (0.0.0.0:8080)",
            "  OLBOT_DATA_DIR        tokens, installs and dialogs (./olbot-data)",
            "  OLBOT_RATE            standard (2/s, burst 50) or enterprise (5/s, burst 250)",
            "At start it prints what is still missing (no install yet, handler URL not reachable, ...)."})
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    BotArgument bot = new BotArgument();

    @Option(names = "--properties", paramLabel = "FILE", description = "Properties file with olbot.public.url=..., olbot.client.id=... (the environment wins).")
    Path properties;

    @ParentCommand
    Olbot olbot;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ServerConfig cfg = ServerConfig.load(Optional.ofNullable(properties), System.getenv());
        BotCatalog.Chosen chosen = bot.choose(olbot.catalog());
        BotServer server;
        try {
            server = BotServer.start(List.of(chosen.bot()), cfg);
        } catch (IllegalStateException e) {
            throw CliFailure.cannotRun(e.getMessage(), e);
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }));
        out.println("olbot: " + chosen.provider().name() + " bot listening on port " + server.port() + ", events at " + server.publicUrl());
        if (cfg.metrics()) {
            out.println("olbot: metrics at /metrics on port " + server.port() + " (Prometheus text format; OLBOT_METRICS=off to stop)");
        }
        if (!cfg.debugToken().isEmpty()) {
            out.println("olbot: the last turns of a dialog at /debug/dialogs/{id} (Authorization: Bearer $OLBOT_DEBUG_TOKEN)");
        }
        List<String> problems = server.selfCheck();
        if (problems.isEmpty()) {
            out.println("olbot: self-check passed");
        }
        problems.forEach(p -> out.println("olbot: " + p));
        out.flush();
        stop.await();
        return ExitCode.OK;
    }
}
