package dev.olbot.examples.cli;

import dev.olbot.testkit.ChatMessage;
import dev.olbot.testkit.Client;
import dev.olbot.testkit.RecordedCall;
import dev.olbot.testkit.scenario.BotTestKit;
import dev.olbot.testkit.scenario.ScenarioFile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code olbot chat faq|triage|--bot CLASS}: a bot on the embedded fake account, with this terminal as the
 * client's chat window.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Chat with a bot (a shipped example, or yours with --bot/--jar) running on the embedded fake Bitrix24 account.",
            "Each line you type is a client message. Also:",
            "  /press N                 press keyboard button N of the bot's last keyboard",
            "  /operator accept         the operator takes the dialog",
            "  /operator say TEXT       the operator writes",
            "  /operator transfer bot   the operator hands the dialog back to the bot",
            "  /operator transfer line N (or user N)  the operator hands it to another line's queue (or a colleague)",
            "  /operator finish         the operator finishes the session",
            "  /wait 10m                time passes (s, m, h, d)",
            "  /quit                    leave (end of input does the same)",
            "Bot messages print as 'bot: ...', operator messages as 'operator: ...', session events as '* ...'."})
public final class ChatCommand implements Callable<Integer> {

    @Mixin
    BotArgument bot = new BotArgument();

    @ParentCommand
    Olbot olbot;

    @Spec
    CommandSpec spec;

    private PrintWriter out;
    private Client client;
    private int shownMessages;
    private int shownTranscript;
    private int shownCalls;

    @Override
    public Integer call() throws Exception {
        VerboseOption.quietOwnLogsUnlessAsked();
        out = spec.commandLine().getOut();
        BotCatalog.Chosen chosen = bot.choose(olbot.catalog());
        try (BotTestKit kit = BotTestKit.start(EmbeddedAccount.of(chosen.bot(), chosen.provider()))) {
            client = kit.newClient("Anna Petrova");
            shownTranscript = kit.fake().transcript().lines().size();
            shownCalls = kit.fake().calls().all().size();
            boolean interactive = System.console() != null;
            out.println("* " + chosen.provider().name() + " bot on the embedded Bitrix24 account; type a message (/help for commands)");
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(olbot.input(), StandardCharsets.UTF_8));
            while (true) {
                if (interactive) {
                    out.print("you> ");
                    out.flush();
                }
                String line = in.readLine();
                if (line == null || line.strip().equals("/quit")) {
                    out.flush();
                    return ExitCode.OK;
                }
                if (line.isBlank()) {
                    continue;
                }
                if (!interactive) {
                    out.println("you: " + line);
                }
                try {
                    step(kit, line.strip());
                } catch (RuntimeException e) {
                    out.println("! " + e.getMessage());
                }
                show(kit);
                out.flush();
            }
        }
    }

    private void step(BotTestKit kit, String line) {
        if (line.equals("/help")) {
            spec.commandLine().usage(out);
        } else if (isCommand(line, "/press")) {
            client.pressesButton(buttonNumber("/press", line.substring(6).strip())).await();
        } else if (isCommand(line, "/wait")) {
            String duration = line.substring(5).strip();
            if (duration.isEmpty()) {
                throw new IllegalArgumentException("/wait needs a duration, e.g. /wait 10m (s, m, h, d)");
            }
            kit.advance(ScenarioFile.parseDuration(duration));
        } else if (isCommand(line, "/operator")) {
            operator(kit, line.substring(9).strip());
        } else if (line.startsWith("/") && line.length() > 1 && Character.isLetter(line.charAt(1))) {
            client.sendsCommand(line).await();
        } else {
            client.says(line).await();
        }
        kit.settle();
    }

    /**
     * True for this chat's own command, with or without what follows it ("/press" alone is a mistake
     * to name, not a bot command "/press" to send; "/pressure" is the bot's).
     */
    private static boolean isCommand(String line, String command) {
        return line.equals(command) || line.startsWith(command + " ");
    }

    /** The button number {@code n} after {@code command} ({@code /press}, the portal's {@code press}), or a one-line reason. */
    static int buttonNumber(String command, String n) {
        if (n.isEmpty()) {
            throw new IllegalArgumentException(command + " needs a button number, e.g. " + command + " 1");
        }
        try {
            return Integer.parseInt(n);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(command + " needs a button number, got '" + n + "'");
        }
    }

    private void operator(BotTestKit kit, String action) {
        ScenarioFile.operatorAction("/operator", action).applyTo(kit.operator(), client.chat());
    }

    /**
     * Prints what happened since the last step, in the platform's order: the fake account's
     * transcript, with bot messages (and their keyboards) taken from the chat itself.
     */
    private void show(BotTestKit kit) {
        List<ChatMessage> messages;
        try {
            messages = client.chat().messages();
        } catch (RuntimeException noChatYet) {
            messages = List.of();
        }
        List<ChatMessage> fromBot = messages.subList(Math.min(shownMessages, messages.size()), messages.size()).stream()
                .filter(m -> m.role().equals("bot") || m.role().equals("system")).toList();
        java.util.Iterator<ChatMessage> next = fromBot.iterator();
        List<String> transcript = kit.fake().transcript().lines();
        for (String t : transcript.subList(shownTranscript, transcript.size())) {
            String line = t.length() > 10 ? t.substring(10) : t; // drop "HH:mm:ss  "
            if (line.startsWith("bot ") || (line.startsWith("system: ") && pendingLineMessage(fromBot, line))) {
                if (next.hasNext()) {
                    ChatMessage m = next.next();
                    out.println((operatorOnly(kit, m) ? "bot (note for the operator): " : "bot: ") + plain(m.text())
                            + keyboard(m));
                }
            } else if (line.startsWith("system: ")) {
                out.println("* " + line.substring(8));
            } else if (line.startsWith("operator ")) {
                out.println("operator: " + line.substring(line.indexOf(": ") + 2));
            }
        }
        shownTranscript = transcript.size();
        shownMessages = messages.size();
        shownCalls = kit.fake().calls().all().size();
    }

    private static boolean pendingLineMessage(List<ChatMessage> fromBot, String line) {
        String text = line.substring(8);
        return fromBot.stream().anyMatch(m -> m.role().equals("system") && text.startsWith(m.text()));
    }

    /** A bot message sent with SKIP_CONNECTOR=Y reaches the operator's chat only, not the client's channel. */
    private boolean operatorOnly(BotTestKit kit, ChatMessage m) {
        List<RecordedCall> calls = kit.fake().calls().all();
        return calls.subList(Math.min(shownCalls, calls.size()), calls.size()).stream()
                .anyMatch(c -> c.method().equals("imbot.message.add") && "Y".equals(c.param("SKIP_CONNECTOR"))
                        && m.text().equals(c.param("MESSAGE")));
    }

    private static String keyboard(ChatMessage m) {
        if (m.keyboard() == null || m.keyboard().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("\n     buttons:");
        int n = 1;
        Object list = m.keyboard().get("BUTTONS");
        if (list instanceof List<?> buttons) {
            for (Object o : buttons) {
                if (o instanceof java.util.Map<?, ?> button && button.get("TEXT") != null) {
                    b.append(" [").append(n++).append("] ").append(button.get("TEXT"));
                }
            }
        }
        return b.toString();
    }

    /** BB-code for a terminal: line breaks kept, [send=..]label[/send] shown as the label, tags dropped. */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        return text.replaceAll("(?i)\\[br]", "\n     ")
                .replaceAll("(?i)\\[send=[^]]*]", "")
                .replaceAll("(?i)\\[url=([^]]*)]([^\\[]*)\\[/url]", "$2 ($1)")
                .replaceAll("(?i)\\[/?(b|i|u|s|send|url|user|chat)[^]]*]", "")
                .replace("&#91;", "[").replace("&#93;", "]");
    }
}
