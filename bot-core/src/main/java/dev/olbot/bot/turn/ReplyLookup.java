package dev.olbot.bot.turn;

import dev.olbot.bot.Action;
import com.fasterxml.jackson.databind.JsonNode;
import dev.olbot.rest.CallOptions;
import dev.olbot.rest.RestCaller;
import dev.olbot.rest.RestException;
import dev.olbot.rest.RestResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Learns from the platform whether a bot message whose answer was lost arrived: reads the dialog's
 * messages after the turn's watermark with {@code im.dialog.messages.get} and looks for the bot's
 * message with the same text.
 *
 * <p><b>Why by reading back.</b> Neither {@code imbot.message.add} nor
 * {@code imbot.v2.Chat.Message.send} documents an idempotency key the platform deduplicates by
 * (v2 has {@code fields.templateId}, "UUID of the message template", with no documented dedupe), and
 * a {@code batch} runs its commands one after another in one PHP request, so a 500 or a dropped
 * connection leaves each command's fate open. The dialog itself is the truth: the reply is there
 * or it is not.
 *
 * <p><b>Matching.</b> Author = the bot, text = the sent text with its edges trimmed (the platform
 * trims them), and after the watermark: the id of the client message that started the turn, or —
 * for turns without one (a join, a timeout) — a date not before the turn's start less two seconds
 * (dates have one-second resolution). When the same text was already delivered {@code n} times in
 * this turn, the reply counts as arrived only if there are more than {@code n} such messages.
 *
 * <p><b>Limits.</b> The user behind the app's token must be able to read the dialog (else
 * {@code ACCESS_ERROR} and the outcome stays unknown). A request that timed out on the client may
 * still be running on the portal (the platform cuts requests at 60 s); the outbox therefore never
 * resends after its own wait ran out, only after an answer that ended the request (a 500, a
 * dropped connection, a client-side timeout of the HTTP exchange is treated like those — see
 * {@link Outbox}). Only the last 50 messages after the watermark are read.
 */
final class ReplyLookup {

    static final String METHOD = "im.dialog.messages.get";
    static final int LIMIT = 50;
    /** Reads of the dialog before giving up (each one already retried by the REST client on a lost answer). */
    static final int READS = 3;

    /** What the dialog says about one reply. */
    enum State { FOUND, ABSENT, UNRESOLVED }

    record Result(State state, long messageId, String why) {}

    private final RestCaller rest;
    private final String portal;
    private final long afterMessageId;
    private final Instant turnStart;
    private final long waitMillis;

    ReplyLookup(RestCaller rest, String portal, long afterMessageId, Instant turnStart, long waitMillis) {
        this.rest = rest;
        this.portal = portal;
        this.afterMessageId = afterMessageId;
        this.turnStart = turnStart;
        this.waitMillis = waitMillis;
    }

    /** True for the message sends this lookup can check. */
    static boolean checks(Action action) {
        return action.method().equals("imbot.message.add") || action.method().equals("imbot.v2.Chat.Message.send");
    }

    /** Looks for the reply of {@code action}; {@code earlier} = how many copies this turn already delivered. */
    Result find(Action action, int earlier, Instant deadline) {
        String dialogId = dialogId(action);
        long botId = botId(action);
        String text = text(action).strip();
        if (dialogId.isEmpty() || botId <= 0) {
            return new Result(State.UNRESOLVED, 0, "the call names no dialog or bot");
        }
        Map<String, Object> params = afterMessageId > 0
                ? MessageCalls.map("DIALOG_ID", dialogId, "FIRST_ID", afterMessageId, "LIMIT", LIMIT)
                : MessageCalls.map("DIALOG_ID", dialogId, "LIMIT", LIMIT);
        JsonNode messages = null;
        String failure = "";
        for (int read = 1; read <= READS && messages == null; read++) {
            try {
                RestResponse r = rest.call(portal, METHOD, params, CallOptions.NONE.withDeadline(deadline))
                        .toCompletionStage().toCompletableFuture().get(waitMillis, TimeUnit.MILLISECONDS);
                messages = r.result().path("messages");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(State.UNRESOLVED, 0, "interrupted");
            } catch (Exception e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                failure = METHOD + " failed: " + cause.getMessage();
                if (cause instanceof RestException re && re.httpStatus() > 0 && re.httpStatus() < 500) {
                    break; // the platform refused the read (ACCESS_ERROR, ...): asking again will not help
                }
            }
        }
        if (messages == null) {
            return new Result(State.UNRESOLVED, 0, failure);
        }
        if (!messages.isArray()) {
            return new Result(State.UNRESOLVED, 0, METHOD + " returned no messages list");
        }
        List<Long> matches = new ArrayList<>();
        for (JsonNode m : messages) {
            if (m.path("author_id").asLong() == botId && m.path("text").asText("").strip().equals(text) && afterWatermark(m)) {
                matches.add(m.path("id").asLong());
            }
        }
        matches.sort(Long::compare);
        if (matches.size() > earlier) {
            return new Result(State.FOUND, matches.get(earlier), "");
        }
        if (messages.size() >= LIMIT) {
            return new Result(State.UNRESOLVED, 0, "more than " + LIMIT + " messages after the watermark");
        }
        return new Result(State.ABSENT, 0, "");
    }

    private boolean afterWatermark(JsonNode m) {
        if (afterMessageId > 0) {
            return m.path("id").asLong() > afterMessageId;
        }
        try {
            return !OffsetDateTime.parse(m.path("date").asText("")).toInstant().isBefore(turnStart.minusSeconds(2));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String dialogId(Action a) {
        Object v = a.params().containsKey("DIALOG_ID") ? a.params().get("DIALOG_ID") : a.params().get("dialogId");
        return v == null ? "" : String.valueOf(v);
    }

    private static long botId(Action a) {
        Object v = a.params().containsKey("BOT_ID") ? a.params().get("BOT_ID") : a.params().get("botId");
        try {
            return v == null ? 0 : Long.parseLong(String.valueOf(v));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String text(Action a) {
        if (a.params().containsKey("MESSAGE")) {
            return Objects.toString(a.params().get("MESSAGE"), "");
        }
        return a.params().get("fields") instanceof Map<?, ?> f ? Objects.toString(f.get("message"), "") : "";
    }

    /** Same dialog and same trimmed text. */
    static boolean sameReply(Action a, Action b) {
        return checks(a) && checks(b) && dialogId(a).equals(dialogId(b)) && text(a).strip().equals(text(b).strip());
    }

    static Optional<String> dialogOf(Action a) {
        String d = dialogId(a);
        return d.isEmpty() ? Optional.empty() : Optional.of(d);
    }
}
