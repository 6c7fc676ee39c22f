package dev.olbot.examples.cli;

import dev.olbot.examples.emulator.Emulator;
import dev.olbot.examples.emulator.EmulatorServer;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code olbot emulator faq|triage|--bot CLASS}: the bot on the embedded account, seen and driven from a web page. */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = {"Serve the emulator page on http://127.0.0.1:PORT/: a bot (shipped, or yours with --bot/--jar) on the embedded",
            "fake Bitrix24 account, with the client's chat, the operator's side, every event and REST call, the clock,",
            "and 'save as scenario'. Stops on 'quit' or end of input."})
public final class EmulatorCommand implements Callable<Integer> {

    @Mixin
    BotArgument bot = new BotArgument();

    @Option(names = "--port", paramLabel = "PORT", description = "Port on 127.0.0.1 (default 8060; 0 = any free port).")
    int port = 8060;

    @ParentCommand
    Olbot olbot;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        VerboseOption.quietOwnLogsUnlessAsked();
        PrintWriter out = spec.commandLine().getOut();
        CliFailure.checkedPort(port);
        BotCatalog.Chosen chosen = bot.choose(olbot.catalog());
        Vertx vertx = Vertx.vertx();
        try (Emulator emulator = Emulator.start(chosen.bot(), chosen.provider())) {
            EmulatorServer server = CliFailure.listening(port, EmulatorServer.start(vertx, emulator, "127.0.0.1", port));
            out.println("olbot emulator: " + chosen.provider().name() + " bot at http://127.0.0.1:" + server.port() + "/  (type quit to stop)");
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(olbot.input(), StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.strip().equals("quit"); line = in.readLine()) {
                out.println("olbot emulator: type quit to stop; everything else happens on the page");
                out.flush();
            }
            server.close();
            return ExitCode.OK;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
