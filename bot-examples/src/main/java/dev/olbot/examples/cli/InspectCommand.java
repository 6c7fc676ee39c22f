package dev.olbot.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.olbot.event.BotDeleted;
import dev.olbot.event.BotEvent;
import dev.olbot.event.ConnectorEvent;
import dev.olbot.event.Credentials;
import dev.olbot.event.CommandInvoked;
import dev.olbot.event.CrmBinding;
import dev.olbot.event.EventDecodeException;
import dev.olbot.event.EventDecoder;
import dev.olbot.event.LineSession;
import dev.olbot.event.OpenLine;
import dev.olbot.event.ReactionChanged;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code olbot inspect FILE}: decodes one captured event (a raw form body as on the wire, or a JSON
 * rendering; leading {@code #} lines are comments) and prints how OLBot understands it, one
 * {@code label: value} per line. Token values are never printed, only whether they are present.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Decode one captured Bitrix24 event (form body or JSON) and print how OLBot reads it.",
            "With --event NAME the file holds only the event's data, as the Chatbots 2.0 docs show it."})
public final class InspectCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The captured event: a raw form body or a JSON rendering.")
    Path file;

    @CommandLine.Option(names = "--event", paramLabel = "NAME",
            description = "The file holds only the event's 'data' (as the Chatbots 2.0 docs show it); NAME is the event, e.g. ONIMBOTV2MESSAGEADD.")
    String event;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    VerboseOption verbose = new VerboseOption();

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String body = read();
        BotEvent decoded;
        try {
            decoded = event == null ? decodeWhole(body) : decodeData(body);
        } catch (EventDecodeException e) {
            err.println(spec.qualifiedName() + ": " + file + " is not a Bitrix24 event: " + reason(e.getMessage(), body));
            err.flush();
            return ExitCode.FAILED;
        }
        print(out, decoded);
        out.flush();
        return ExitCode.OK;
    }

    private String read() {
        if (!Files.isRegularFile(file)) {
            throw CliFailure.noFile("file", file);
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8).lines()
                    .dropWhile(l -> l.isBlank() || l.startsWith("#")).collect(Collectors.joining("\n")).strip();
        } catch (IOException e) {
            throw CliFailure.cannotRun("cannot read " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static BotEvent decodeWhole(String body) {
        return EventDecoder.create().decode(body.startsWith("{") ? "application/json" : "", body);
    }

    /** {@code --event NAME}: the file is the event's {@code data} object; the envelope around it is rebuilt. */
    private BotEvent decodeData(String body) {
        Object data;
        try {
            data = JSON.readValue(body, Object.class);
        } catch (IOException e) {
            throw CliFailure.usage("with --event the file must hold the event's data as a JSON object; " + file + " is not JSON");
        }
        if (!(data instanceof Map<?, ?> map)) {
            throw CliFailure.usage("with --event the file must hold the event's data as a JSON object");
        }
        if (map.containsKey("event") && map.containsKey("data")) {
            throw CliFailure.usage(file + " is a whole event (it has 'event' and 'data'): drop --event");
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("event", event.strip().toUpperCase(Locale.ROOT));
        envelope.put("data", data);
        return EventDecoder.create().decode(envelope);
    }

    /** The decoder's reason in a user's words: what a body must look like, not what the parser tripped over. */
    private String reason(String message, String body) {
        if (message.startsWith("malformed form body: ")) {
            return "neither JSON nor a form body (event=...&data[...]=...&auth[...]=...): "
                    + message.substring("malformed form body: ".length());
        }
        if (message.startsWith("malformed JSON body")) {
            return "not valid JSON";
        }
        if (event == null && message.startsWith("missing 'event' field") && body.startsWith("{")) {
            return "it has no 'event' field; if it holds only the event's data, name the event with --event,"
                    + " e.g. --event ONIMBOTV2MESSAGEADD";
        }
        return message;
    }

    private static void print(PrintWriter out, BotEvent event) {
        line(out, "kind", event.getClass().getSimpleName());
        line(out, "event", event.meta().type());
        line(out, "api version", event.meta().version().name());
        line(out, "portal domain", event.meta().portal().domain());
        line(out, "portal member id", event.meta().portal().memberId());
        EventParts.bot(event).ifPresent(bot -> {
            line(out, "bot id", Long.toString(bot.id()));
            line(out, "bot code", bot.code());
        });
        if (event instanceof BotDeleted deleted) {
            line(out, "bot id", Long.toString(deleted.botId()));
            line(out, "bot code", deleted.botCode());
        }
        event.dialogId().ifPresent(d -> line(out, "dialog id", d));
        EventParts.dialog(event).ifPresent(d -> {
            line(out, "chat id", d.chatId().map(String::valueOf).orElse("-"));
            line(out, "chat type", d.type().name());
            line(out, "open line", d.isOpenLine() ? "yes" : "no");
            d.openLine().ifPresent(line -> openLine(out, line));
        });
        EventParts.message(event).ifPresent(m -> line(out, "message id", Long.toString(m.id())));
        if (event instanceof ReactionChanged r) {
            line(out, "message id", Long.toString(r.messageId()));
            line(out, "reaction", r.reaction() + (r.added() ? " (added)" : " (removed)"));
        }
        if (event instanceof CommandInvoked c) {
            line(out, "command", c.command().command() + " " + c.command().params() + " [" + c.command().context() + "]");
        }
        EventParts.user(event).ifPresent(u -> {
            line(out, "author id", Long.toString(u.id()));
            line(out, "author name", u.name());
            line(out, "author is", u.connector() ? "client (open-line connector user)" : u.bot() ? "bot" : "employee");
        });
        EventParts.message(event).ifPresent(m -> line(out, "text", m.text()));
        EventParts.lineSessions(event).stream().findFirst().ifPresent(s -> lineSession(out, s));
        if (event instanceof ConnectorEvent c) {
            line(out, "connector", c.connector());
            line(out, "line id", c.lineId());
        }
        line(out, "author auth tokens", tokens(event.meta().auth()));
        EventParts.bot(event).ifPresent(bot -> line(out, "bot auth tokens", tokens(bot.auth())));
        line(out, "application token", event.meta().auth().applicationToken().isPresent() ? "present" : "absent");
    }

    private static void openLine(PrintWriter out, OpenLine line) {
        line(out, "connector", line.connector());
        line(out, "line id", Long.toString(line.lineId()));
        line(out, "connector chat id", line.connectorChatId());
        line(out, "connector user id", line.connectorUserId());
        line(out, "session id", line.sessionId().map(String::valueOf).orElse("-"));
        line(out, "crm", crm(line.crm()));
    }

    private static void lineSession(PrintWriter out, LineSession s) {
        line(out, "connector", s.connectorId());
        line(out, "line id", Long.toString(s.lineId()));
        line(out, "chat id", s.chatId().map(String::valueOf).orElse("-"));
        line(out, "connector chat id", s.connectorChatId().orElse("-"));
        line(out, "connector user id", s.connectorUserId().orElse("-"));
        line(out, "session id", s.sessionId().map(String::valueOf).orElse("-"));
        s.messageId().ifPresent(id -> line(out, "message id", Long.toString(id)));
        s.text().ifPresent(t -> line(out, "text", t));
    }

    private static String crm(CrmBinding crm) {
        if (crm.equals(CrmBinding.NONE)) {
            return "none";
        }
        String main = crm.entityType().orElse("-") + " " + crm.entityId().map(String::valueOf).orElse("-")
                + (crm.saved() ? " (saved)" : "");
        String pairs = crm.bindings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return pairs.isEmpty() ? main : main + "; " + pairs;
    }

    private static String tokens(Credentials c) {
        return c.hasTokens() ? "yes" + (c.refreshToken().isPresent() ? " (access + refresh)" : " (access)") : "no";
    }

    private static void line(PrintWriter out, String label, String value) {
        out.println(label + ": " + (value == null || value.isEmpty() ? "-" : value));
    }
}
