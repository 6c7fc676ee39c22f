package dev.olbot.examples.cli;

import dev.olbot.examples.webchat.WebChat;
import dev.olbot.examples.webchat.WebChatBridge;
import dev.olbot.examples.webchat.WebChatServer;
import dev.olbot.testkit.FakePortal;
import dev.olbot.testkit.OpenLineChat;
import dev.olbot.testkit.scenario.BotTestKit;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code olbot webchat faq|triage|--bot CLASS}: the web chat widget on http://127.0.0.1:PORT/, bridged through {@code imconnector.*}
 * into the line of an example bot on the embedded fake account; this terminal is the operator.
 */
@Command(name = "webchat", mixinStandardHelpOptions = true,
        description = {"Open a web chat widget bridged (imconnector.*) into a bot's line on the embedded fake account.",
            "Open the printed URL in a browser and write as the visitor. Type here, as the operator of the newest dialog:",
            "  accept        take the dialog (imopenlines.operator.answer)",
            "  say TEXT      write to the visitor",
            "  finish        finish the session",
            "  quit          stop (end of input does the same)"})
public final class WebchatCommand implements Callable<Integer> {

    @Mixin
    BotArgument bot = new BotArgument();

    @Option(names = "--port", paramLabel = "PORT", description = "Port of the widget on 127.0.0.1 (default 8090; 0 = any free port).")
    int port = 8090;

    @ParentCommand
    Olbot olbot;

    @Spec
    CommandSpec spec;

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        VerboseOption.quietOwnLogsUnlessAsked();
        out = spec.commandLine().getOut();
        CliFailure.checkedPort(port);
        BotCatalog.Chosen chosen = bot.choose(olbot.catalog());
        Vertx vertx = Vertx.vertx();
        try (BotTestKit kit = BotTestKit.start(EmbeddedAccount.of(chosen.bot(), chosen.provider()))) {
            FakePortal portal = kit.fake().portal();
            WebChatBridge bridge = new WebChatBridge(kit.fake().inProcess(), portal.memberId(),
                    WebChatBridge.Settings.of("webchat", kit.line("Support").id()), new WebChat(), Clock.systemUTC());
            WebChatServer server = CliFailure.listening(port, WebChatServer.start(vertx, bridge, portal::applicationToken, "127.0.0.1", port));
            String base = "http://127.0.0.1:" + server.port();
            bridge.connect(base + "/bitrix/events").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            out.println("* widget: " + base + "/  (connector 'webchat' on line " + kit.line("Support").id() + ")");
            out.flush();
            BufferedReader lines = new BufferedReader(new InputStreamReader(olbot.input(), StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null && !line.strip().equals("quit"); line = lines.readLine()) {
                try {
                    operator(kit, line.strip());
                } catch (RuntimeException e) {
                    out.println("! " + BotCatalog.firstLine(e.getMessage()));
                }
                out.flush();
            }
            server.close();
            return 0;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private void operator(BotTestKit kit, String action) {
        if (action.isEmpty()) {
            return;
        }
        OpenLineChat chat = kit.fake().portal().chats().stream().filter(c -> c.connector().equals("webchat"))
                .max(Comparator.comparingInt(OpenLineChat::id))
                .orElseThrow(() -> new IllegalStateException("no visitor has written yet"));
        if (action.equals("accept")) {
            kit.operator().accepts(chat);
        } else if (action.startsWith("say ")) {
            kit.operator().says(chat, action.substring(4));
        } else if (action.equals("finish")) {
            kit.operator().finishes(chat);
        } else {
            throw new IllegalArgumentException("type accept, say TEXT, finish or quit");
        }
        out.println("* " + chat.dialogId() + ": " + chat.owner().name().toLowerCase(java.util.Locale.ROOT));
    }
}
