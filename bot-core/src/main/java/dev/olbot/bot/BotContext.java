package dev.olbot.bot;

import dev.olbot.bot.routing.Match;
import dev.olbot.bot.routing.Utterance;
import dev.olbot.bot.text.Language;
import com.fasterxml.jackson.databind.JsonNode;
import dev.olbot.event.BotEvent;
import dev.olbot.event.Dialog;
import dev.olbot.event.OpenLine;
import dev.olbot.event.User;
import dev.olbot.rest.RestCaller;
import dev.olbot.state.DialogState;
import dev.olbot.state.Owner;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One turn of a dialog: the event, the dialog and its state, and the effects a handler can have.
 *
 * <p>Effects ({@code reply}, {@code typing}, the session helpers, ...) are queued in the turn's
 * outbox and sent in order when the handler returns — or earlier, by {@link #flush()} or by a call
 * that needs an answer ({@link #createLead()}, {@link #sessionHistory()}). Used on the dialog's
 * lane thread only; not thread-safe.
 */
public interface BotContext {

    /** The event being handled. */
    BotEvent event();

    /** The dialog. For app-level events (install, ...) a context has no dialog and this throws. */
    Dialog dialog();

    /** Who wrote (or joined the bot, or pressed the button). */
    User user();

    /** The open-line identity when the dialog is an open-line chat. */
    default Optional<OpenLine> openLine() {
        return dialog().openLine();
    }

    /** What the client said (empty for events without text). */
    Utterance utterance();

    /** The match that chose this handler (a 1.0 hit for non-intent handlers). */
    Match.Hit match();

    /** The portal key ({@code member_id}). */
    String portal();

    /** The bot's id on this portal. */
    long botId();

    /** The bot's clock (the testkit's virtual clock in tests). */
    Instant now();

    // ---- state

    DialogState state();

    Owner owner();

    /** A dialog variable, if set. Variables live in the dialog state and survive restarts. */
    Optional<String> var(String name);

    /** Sets (or with {@code null} removes) a dialog variable. */
    void set(String name, String value);

    /** Answers collected by the current (or just completed) flow. */
    Map<String, String> answers();

    /**
     * The client's language ({@code ru}, {@code en}): of this message when it has letters, else of
     * the client's last message, else the bot's configured language. See {@link Language}.
     */
    String language();

    // ---- messages

    /** Sends a message to the dialog ({@code imbot.message.add}; v2: {@code imbot.v2.Chat.Message.send}). */
    void reply(Reply reply);

    default void reply(String text) {
        reply(Reply.text(text));
    }

    /**
     * Renders a template with the dialog's variables, the flow answers, {@code clientName} and the
     * given values (escaped for BB-code when {@code fromClient}), and sends it.
     */
    void replyTemplate(String template, Map<String, ?> values);

    /** Shows "typing…" ({@code imbot.chat.sendTyping}); in open lines the platform does not do it for bots. */
    void typing();

    /** Edits a message the bot sent ({@code imbot.message.update}). */
    void edit(long messageId, Reply reply);

    /** Deletes a message the bot sent ({@code imbot.message.delete}). */
    void delete(long messageId);

    /** Answers the command being handled ({@code imbot.command.answer}); only in command turns. */
    void answerCommand(Reply reply);

    /** The numbered menu shown last and not yet answered, if any. */
    Optional<String> activeMenu();

    /** Shows a numbered menu registered with {@code bot.menu(...)}; the client's next number picks. */
    void showMenu(String name);

    /** The ids of messages the bot sent in this turn (available after {@link #flush()}). */
    java.util.List<Long> sentMessageIds();

    // ---- open-line session helpers (refuse with IllegalStateException outside an open line)

    /** The line's automatic greeting ({@code imopenlines.bot.session.message.send}, {@code NAME=WELCOME}). */
    void sendLineWelcome();

    /** A system-style line message ({@code imopenlines.bot.session.message.send}, {@code NAME=DEFAULT}). */
    void sendLineMessage(String text);

    /**
     * Hands the dialog to the line's operator queue ({@code imopenlines.bot.session.operator}). A
     * {@code WRONG_CHAT} answer means an operator already has it and is not an error.
     */
    void toOperator();

    /** Transfers to an employee ({@code imopenlines.bot.session.transfer} with {@code USER_ID}). */
    void transferToUser(long userId, boolean leave);

    /** Transfers to another open line's queue ({@code imopenlines.bot.session.transfer} with {@code QUEUE_ID}). */
    void transferToLine(long lineId, boolean leave);

    /** Finishes the session ({@code imopenlines.bot.session.finish}). */
    void finish();

    /**
     * Takes back a dialog that waits for an operator or was transferred (e.g. nobody answered and the
     * client chose to leave a message): the bot's intents and flows answer again. The platform keeps
     * the dialog queued; an operator who accepts and writes takes it over as usual.
     *
     * @throws IllegalStateException when an operator already owns the dialog or the session is finished
     */
    void takeBack();

    /** Creates a CRM lead from the dialog now ({@code imopenlines.crm.lead.create}); returns the result. */
    JsonNode createLead();

    /** Reads the current session's history now ({@code imopenlines.session.history.get}). */
    JsonNode sessionHistory();

    // ---- flows and timers

    /** Starts a registered flow: asks its first question. */
    void startFlow(String name);

    /** Leaves the current flow without running its completion. */
    void cancelFlow();

    /**
     * Arms the dialog's timer: when {@code after} passes on the bot's clock without a newer timer or a
     * message resetting it, the timeout handler registered under {@code name} runs in this dialog.
     */
    void timeout(Duration after, String name);

    void cancelTimeout();

    // ---- escape hatches

    /**
     * Sends everything queued so far, in order; throws the first call the platform refused (a call
     * whose outcome stays unknown is recorded in {@link #outcomes()} and does not throw).
     */
    void flush();

    /**
     * What became of every call this turn sent so far, in order: delivered, refused, or unknown
     * (see {@link CallOutcome}). Unknown outcomes were already checked against the dialog where the
     * platform allows it.
     */
    java.util.List<CallOutcome> outcomes();

    /** The raw REST caller for methods OLBot does not wrap (call {@link #flush()} first to keep order). */
    RestCaller rest();
}
