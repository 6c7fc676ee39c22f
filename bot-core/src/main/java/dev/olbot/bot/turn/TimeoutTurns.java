package dev.olbot.bot.turn;

import dev.olbot.bot.Bot;
import dev.olbot.bot.routing.Utterance;
import dev.olbot.event.ApiVersion;
import dev.olbot.event.ChatType;
import dev.olbot.event.CrmBinding;
import dev.olbot.event.Credentials;
import dev.olbot.event.Dialog;
import dev.olbot.event.EventMeta;
import dev.olbot.event.OpenLine;
import dev.olbot.event.OtherEvent;
import dev.olbot.event.Portal;
import dev.olbot.event.User;
import dev.olbot.state.DialogState;
import java.util.Map;
import java.util.Optional;

/**
 * A timeout turn has no platform event: its context is rebuilt from the dialog state (the dialog id,
 * the open-line identity and API version recorded by earlier turns), with an {@code OLBOT.TIMEOUT}
 * event in place of one.
 */
final class TimeoutTurns {

    static final String TYPE = "OLBOT.TIMEOUT";

    private TimeoutTurns() {}

    static TurnContext open(TurnServices services, Bot bot, DialogState s) {
        String dialogId = s.key().dialogId();
        Optional<Long> chatId = dialogId.startsWith("chat") ? parse(dialogId.substring(4)) : Optional.empty();
        Optional<OpenLine> line = Optional.ofNullable(s.vars().get(TurnVars.LINE)).flatMap(code -> openLine(code, s));
        Dialog dialog = new Dialog(dialogId, chatId, line.isPresent() ? ChatType.OPEN_LINE : ChatType.UNKNOWN,
                Optional.empty(), line.map(l -> "LINES"), line.map(OpenLine::userCode), line);
        ApiVersion version = "2".equals(s.vars().get(TurnVars.API)) ? ApiVersion.V2 : ApiVersion.V1;
        EventMeta meta = new EventMeta(TYPE, version, new Portal("", s.key().portal(), "", ""), Credentials.NONE,
                Optional.of(services.clock().instant()), Optional.empty(), Map.of("timeout", s.timeoutName()));
        String client = s.vars().getOrDefault(TurnVars.CLIENT, "");
        User user = new User(0, client, Optional.of(client), Optional.empty(), Optional.empty(), Optional.empty(), false,
                true, false, false);
        return new TurnContext(services, bot, new OtherEvent(meta), dialog, user, Utterance.of(""), s.key().portal(),
                s.key().botId(), s);
    }

    private static Optional<OpenLine> openLine(String userCode, DialogState s) {
        String[] parts = userCode.split("\\|", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        Optional<Long> line = parse(parts[1]);
        return line.map(l -> new OpenLine(parts[0], l, parts[2], parts[3],
                s.sessionId() == 0 ? Optional.empty() : Optional.of(s.sessionId()), CrmBinding.NONE));
    }

    private static Optional<Long> parse(String s) {
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
