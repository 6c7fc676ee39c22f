package dev.olbot.examples.cli;

import dev.olbot.examples.ExampleBots;
import dev.olbot.server.BotServer;
import dev.olbot.server.ServerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code olbot serve faq|triage}: the example bot for a real portal. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run an example bot for a real Bitrix24 portal.",
            "Configuration comes from OLBOT_* environment variables and/or a properties file (--config):",
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

    @Parameters(index = "0", paramLabel = "BOT", description = "faq or triage")
    String botName;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with olbot.public.url=..., olbot.client.id=... (environment wins).")
    Path config;

    @Option(names = "--bot-config", paramLabel = "FILE", description = "Knowledge base (faq) or triage config instead of the shipped one.")
    Path botConfig;

    @Override
    public Integer call() throws Exception {
        ServerConfig cfg;
        try {
            cfg = ServerConfig.load(Optional.ofNullable(config), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("olbot serve: " + e.getMessage());
            return 2;
        }
        BotServer server;
        try {
            server = BotServer.start(List.of(ExampleBots.named(botName).create(botConfig)), cfg);
        } catch (IllegalArgumentException e) {
            System.err.println("olbot serve: " + e.getMessage());
            return 2;
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }));
        System.out.println("olbot: " + botName + " bot listening on port " + server.port() + ", events at " + server.publicUrl());
        List<String> problems = server.selfCheck();
        if (problems.isEmpty()) {
            System.out.println("olbot: self-check passed");
        }
        problems.forEach(p -> System.out.println("olbot: " + p));
        stop.await();
        return 0;
    }
}
