package dev.olbot.examples.cli;

import dev.olbot.examples.portal.LocalPortal;
import dev.olbot.testkit.RatePlan;
import dev.olbot.testkit.StateFileException;
import dev.olbot.testkit.scenario.ScenarioFile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code olbot portal}: the fake Bitrix24 account as a standalone portal for {@code olbot serve} or your own BotServer. */
@Command(name = "portal", mixinStandardHelpOptions = true,
        description = {"Run the fake Bitrix24 account as a local portal (REST, OAuth, events, rate limit on) on 127.0.0.1.",
            "It prints the OLBOT_* settings for 'olbot serve'. Then type here:",
            "  install URL        install the app: ONAPPINSTALL to the bot's OLBOT_PUBLIC_URL; its bot becomes the line's chatbot",
            "  say TEXT           the client (Anna Petrova) writes into the Support line",
            "  client NAME        a new client; 'say' then writes as that client",
            "  press N            the client presses button N of the bot's last keyboard",
            "  accept             the operator takes the dialog",
            "  write TEXT         the operator writes",
            "  transfer bot       the operator hands the dialog back to the bot",
            "  finish             the operator finishes the session",
            "  wait 10m           the portal's clock jumps ahead (s, m, h, d)",
            "  save               write the portal's state to the --state file now",
            "  quit               stop (end of input does the same); with --state, the state is saved first",
            "What happens on the portal prints as it happens."})
public final class PortalCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT",
            description = "Port on 127.0.0.1 (default: the port the --state file was saved with, else 8070; 0 = any free port).")
    Integer port;

    @Option(names = "--state", paramLabel = "FILE", description = {"Keep the portal's state in FILE (JSON, \"format\": 1): loaded at start "
            + "if it exists; saved on 'save', 'quit', end of input, Ctrl-C and SIGTERM."})
    Path stateFile;

    @Option(names = "--rate", paramLabel = "PLAN", description = "Rate limit: standard (2/s, burst 50; default), enterprise (5/s, burst 250) or off.")
    String rate = "standard";

    @Mixin
    VerboseOption verbose = new VerboseOption();

    @ParentCommand
    Olbot olbot;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        VerboseOption.quietOwnLogsUnlessAsked();
        PrintWriter out = spec.commandLine().getOut();
        if (port != null) {
            CliFailure.checkedPort(port);
        }
        RatePlan plan = switch (rate) {
            case "standard" -> RatePlan.STANDARD;
            case "enterprise" -> RatePlan.ENTERPRISE;
            case "off" -> null;
            default -> throw CliFailure.usage("--rate takes standard, enterprise or off, not '" + rate + "'");
        };
        LocalPortal portal;
        try {
            portal = LocalPortal.start(port, plan, stateFile);
        } catch (StateFileException | IllegalArgumentException e) {
            throw CliFailure.usage(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw CliFailure.cannotRun(e.getMessage(), e);
        } catch (LocalPortal.PortNotFree e) {
            throw CliFailure.portNotFree(e.port(), rootMessage(e), e);
        }
        SaveOnExit saveOnExit = new SaveOnExit(portal);
        try (portal; TranscriptPrinter printer = new TranscriptPrinter(portal.fake(), out); saveOnExit) {
            printBanner(portal, out);
            BufferedReader in = new BufferedReader(new InputStreamReader(olbot.input(), StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.strip().equals("quit"); line = in.readLine()) {
                String said;
                try {
                    said = step(portal, line.strip());
                } catch (RuntimeException e) {
                    said = "! " + BotCatalog.firstLine(e.getMessage());
                }
                printer.flushNow();
                if (!said.isEmpty()) {
                    out.println(said);
                    out.flush();
                }
            }
            if (stateFile != null) {
                try {
                    out.println("* state saved to " + stateFile + " (" + saveOnExit.saveNow() + ")");
                } catch (UncheckedIOException e) {
                    throw CliFailure.cannotRun(e.getMessage(), e);
                }
            }
            return ExitCode.OK;
        }
    }

    /**
     * Saves the state once when the process is stopped (Ctrl-C, SIGTERM) before the command loop ended; after
     * {@link #saveNow} (quit, end of input) or without a state file it does nothing.
     */
    static final class SaveOnExit implements AutoCloseable {
        private final LocalPortal portal;
        private final java.util.concurrent.atomic.AtomicBoolean saved = new java.util.concurrent.atomic.AtomicBoolean();
        private final Thread hook;

        SaveOnExit(LocalPortal portal) {
            this.portal = portal;
            this.hook = new Thread(() -> {
                if (saved.compareAndSet(false, true)) {
                    try {
                        portal.saveState();
                    } catch (RuntimeException e) {
                        System.err.println("olbot portal: " + BotCatalog.firstLine(e.getMessage()));
                    }
                }
            }, "olbot-portal-save");
            if (portal.stateFile() != null) {
                Runtime.getRuntime().addShutdownHook(hook);
            }
        }

        String saveNow() {
            saved.set(true);
            return portal.saveState();
        }

        @Override
        public void close() {
            if (portal.stateFile() == null) {
                return;
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs (or ran) anyway
            }
        }
    }

    private void printBanner(LocalPortal portal, PrintWriter out) {
        out.println("olbot portal: a local Bitrix24 portal at " + portal.baseUrl() + "  (domain " + portal.fake().portal().domain()
                + ", member_id " + portal.fake().portal().memberId() + ")");
        out.println("  REST        " + portal.fake().clientEndpoint() + "<method>");
        out.println("  OAuth       " + portal.baseUrl() + "/oauth/token/");
        out.println("  rate limit  " + rate);
        if (portal.stateFile() != null) {
            out.println("  state       " + portal.stateFile() + (portal.loadedState() ? "  (loaded: " + portal.summary() + ")"
                    : "  (new; saved on 'save' and on quit)"));
        }
        out.println("  line        Support (id " + portal.supportLine().id() + "), operator Olga Operator (user " + portal.operator().userId() + ")");
        out.println("For 'olbot serve' (another terminal):");
        out.println("  export OLBOT_CLIENT_ID=" + portal.fake().clientId());
        out.println("  export OLBOT_CLIENT_SECRET=" + portal.fake().clientSecret());
        out.println("  export OLBOT_OAUTH_SERVER=" + portal.oauthServer());
        out.println("  export OLBOT_PUBLIC_URL=http://127.0.0.1:8080/bitrix/events OLBOT_HOST=127.0.0.1 OLBOT_PORT=8080");
        out.println("Then type here: install http://127.0.0.1:8080/bitrix/events   (help: olbot portal --help)");
        out.flush();
    }

    /** Does what a typed line says; returns what to print afterwards ("" for nothing). */
    private String step(LocalPortal portal, String line) {
        if (line.isEmpty()) {
            return "";
        }
        String[] w = line.split("\\s+", 2);
        String arg = w.length > 1 ? w[1] : "";
        switch (w[0]) {
            case "install" -> {
                int botId = portal.install(arg, Duration.ofSeconds(15));
                return "* app installed; bot " + botId + " is the chatbot of line " + portal.supportLine().id();
            }
            case "say" -> portal.client().says(requireText(arg, "say TEXT"));
            case "client" -> {
                return "* new client " + requireText(arg, "client NAME") + " (user " + portal.newClient(arg).userId() + ")";
            }
            case "press" -> portal.client().pressesButton(ChatCommand.buttonNumber("press", requireText(arg, "press N").strip()));
            case "accept" -> portal.operator().accepts(portal.chat());
            case "write" -> portal.operator().says(portal.chat(), requireText(arg, "write TEXT"));
            case "transfer" -> {
                if (!arg.equals("bot")) {
                    throw new IllegalArgumentException("type 'transfer bot'");
                }
                portal.operator().transfersBackToBot(portal.chat());
            }
            case "finish" -> portal.operator().finishes(portal.chat());
            case "wait" -> portal.wallClock().skip(ScenarioFile.parseDuration(requireText(arg, "wait 10m")));
            case "save" -> {
                return "* state saved to " + portal.stateFile() + " (" + portal.saveState() + ")";
            }
            default -> throw new IllegalArgumentException("unknown command '" + w[0] + "'; see olbot portal --help");
        }
        return "";
    }

    private static String requireText(String arg, String usage) {
        if (arg.isBlank()) {
            throw new IllegalArgumentException("type " + usage);
        }
        return arg;
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    /** Prints the account's transcript lines as they appear (every 100 ms, and after each typed command). */
    static final class TranscriptPrinter implements AutoCloseable {
        private final dev.olbot.testkit.FakeBitrix24 fake;
        private final PrintWriter out;
        private final java.util.concurrent.ScheduledExecutorService timer =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "olbot-portal-printer");
                    t.setDaemon(true);
                    return t;
                });
        private int shown;

        TranscriptPrinter(dev.olbot.testkit.FakeBitrix24 fake, PrintWriter out) {
            this.fake = fake;
            this.out = out;
            timer.scheduleWithFixedDelay(this::flushNow, 100, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        synchronized void flushNow() {
            List<String> lines = fake.transcript().lines();
            for (String l : lines.subList(Math.min(shown, lines.size()), lines.size())) {
                out.println(dev.olbot.examples.portal.Printable.oneLine(l));
            }
            shown = lines.size();
            out.flush();
        }

        @Override
        public void close() {
            timer.shutdownNow();
            flushNow();
        }
    }
}
