package dev.olbot.examples.emulator;

import dev.olbot.bot.Bot;
import dev.olbot.bot.BotProvider;
import dev.olbot.examples.cli.EmbeddedAccount;
import dev.olbot.testkit.Client;
import dev.olbot.testkit.OpenLineChat;
import dev.olbot.testkit.scenario.BotTestKit;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A bot on the embedded fake account, driven from the emulator page: clients write and press buttons, the operator
 * accepts, writes, transfers, hands back and finishes, the virtual clock moves on request. Every action waits until
 * the bot has handled what it caused. Actions are serialised ({@code synchronized}); call them off the event loop.
 */
public final class Emulator implements AutoCloseable {

    /** One client's dialog. */
    static final class Dialog {
        final int index;
        final String name;
        final Client client;
        final ScenarioRecorder recorder;

        Dialog(int index, String name, Client client) {
            this.index = index;
            this.name = name;
            this.client = client;
            this.recorder = new ScenarioRecorder("Saved from the emulator: " + name);
        }

        OpenLineChat chatOrNull() {
            try {
                return client.chat();
            } catch (IllegalStateException notYet) {
                return null;
            }
        }
    }

    private final BotTestKit kit;
    private final Bot bot;
    private final String botName;
    private final List<Dialog> dialogs = new ArrayList<>();
    private final Feed feed;
    private final Timeline timeline;
    private final OperatorDesk desk;

    private Emulator(BotTestKit kit, Bot bot, String botName) {
        this.kit = kit;
        this.bot = bot;
        this.botName = botName;
        this.feed = new Feed(kit.fake());
        this.timeline = new Timeline(kit.fake());
        this.desk = new OperatorDesk(kit.fake(), kit.operatorId());
    }

    /** Starts {@code bot} on a fresh embedded account prepared as its provider asks, with one client. */
    public static Emulator start(Bot bot, BotProvider provider) {
        Emulator e = new Emulator(BotTestKit.start(EmbeddedAccount.of(bot, provider)), bot, provider.name());
        e.newClient();
        return e;
    }

    BotTestKit kit() {
        return kit;
    }

    Bot bot() {
        return bot;
    }

    String botName() {
        return botName;
    }

    Feed feed() {
        return feed;
    }

    Timeline timeline() {
        return timeline;
    }

    synchronized List<Dialog> dialogs() {
        return List.copyOf(dialogs);
    }

    /** A new client ("Client N", as a replayed scenario's client is called) in the bot's line; returns its index. */
    public synchronized int newClient() {
        String name = "Client " + (dialogs.size() + 1);
        dialogs.add(new Dialog(dialogs.size(), name, kit.newClient(name)));
        return dialogs.size() - 1;
    }

    public synchronized void says(int dialog, String text) {
        requireText(text);
        Dialog d = dialog(dialog);
        boolean command = text.startsWith("/") && text.length() > 1 && Character.isLetter(text.charAt(1));
        d.recorder.step((command ? "#command " : "#me ") + text.strip());
        act(d, () -> (command ? d.client.sendsCommand(text.strip()) : d.client.says(text.strip())).await());
    }

    public synchronized void presses(int dialog, int button) {
        Dialog d = dialog(dialog);
        d.recorder.step("#press " + button);
        act(d, () -> d.client.pressesButton(button).await());
    }

    public synchronized void operatorAccepts(int dialog) {
        Dialog d = dialog(dialog);
        d.recorder.step("#operator accept");
        act(d, () -> desk.accepts(chat(d)));
    }

    public synchronized void operatorSays(int dialog, String text) {
        requireText(text);
        Dialog d = dialog(dialog);
        d.recorder.step("#operator say " + text.strip());
        act(d, () -> kit.operator().says(chat(d), text.strip()));
    }

    public synchronized void operatorHandsBack(int dialog) {
        Dialog d = dialog(dialog);
        d.recorder.step("#operator transfer bot");
        act(d, () -> kit.operator().transfersBackToBot(chat(d)).await());
    }

    public synchronized void operatorFinishes(int dialog) {
        Dialog d = dialog(dialog);
        d.recorder.step("#operator finish");
        act(d, () -> desk.finishes(chat(d), kit.operatorId()));
    }

    /** Transfers to an employee ({@code toUser} > 0) or to another line's queue ({@code toLine} > 0). */
    public synchronized void operatorTransfers(int dialog, int toUser, int toLine) {
        Dialog d = dialog(dialog);
        if (toUser > 0 || toLine > 0) {
            d.recorder.step(toUser > 0 ? "#operator transfer user " + toUser : "#operator transfer line " + toLine);
        }
        act(d, () -> {
            if (toUser > 0) {
                desk.transfersToUser(chat(d), toUser);
            } else if (toLine > 0) {
                desk.transfersToLine(chat(d), toLine);
            } else {
                throw new IllegalArgumentException("transfer needs a user id or a line id above 0");
            }
        });
    }

    /** Moves the shared virtual clock ahead, firing the platform's and the bot's timers on the way. */
    public synchronized void advance(Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("wait: give a positive duration, e.g. 10m");
        }
        if (d.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("wait: at most 30 days at a time");
        }
        dialogs.forEach(x -> x.recorder.wait(d));
        kit.advance(d);
        settled();
    }

    /** Moves the clock to the next {@code time} of day (in the clock's zone), e.g. 21:00 for "after hours". */
    public synchronized Duration jumpTo(LocalTime time) {
        ZonedDateTime now = ZonedDateTime.now(kit.clock());
        ZonedDateTime target = now.with(time);
        if (!target.isAfter(now)) {
            target = target.plusDays(1);
        }
        Duration d = Duration.between(now, target);
        advance(d);
        return d;
    }

    /** The dialog so far as a {@code .convo} scenario that {@code olbot scenario} replays. */
    public synchronized String scenario(int dialog) {
        return dialog(dialog).recorder.text();
    }

    private void act(Dialog d, Runnable action) {
        try {
            action.run();
        } finally {
            kit.settle();
            settled();
        }
    }

    private void settled() {
        for (Dialog x : dialogs) {
            x.recorder.expectations(x.chatOrNull());
        }
        feed.sync();
        timeline.sync();
    }

    private Dialog dialog(int index) {
        if (index < 0 || index >= dialogs.size()) {
            throw new IllegalArgumentException("no dialog " + index + "; there are " + dialogs.size());
        }
        return dialogs.get(index);
    }

    private static OpenLineChat chat(Dialog d) {
        OpenLineChat c = d.chatOrNull();
        if (c == null) {
            throw new IllegalStateException(d.name + " has not written yet, so there is no dialog");
        }
        return c;
    }

    private static void requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text: write something");
        }
        if (text.length() > 20_000) {
            throw new IllegalArgumentException("text: at most 20000 characters");
        }
    }

    @Override
    public void close() {
        kit.close();
    }
}
