package dev.olbot.examples.portal;

import dev.olbot.testkit.Client;
import dev.olbot.testkit.FakeBitrix24;
import dev.olbot.testkit.FakePortal;
import dev.olbot.testkit.Installation;
import dev.olbot.testkit.OpenLine;
import dev.olbot.testkit.OpenLineChat;
import dev.olbot.testkit.Operator;
import dev.olbot.testkit.RatePlan;
import dev.olbot.testkit.VirtualClock;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The fake Bitrix24 account as a standalone portal on a port: REST and OAuth on {@code http://127.0.0.1:PORT},
 * the standard rate limit (2 requests/s, burst 50) on, a clock that follows real time, one employee
 * ("Olga Operator", user 1) in the queue of the open line "Support" (line 1). An app installed with
 * {@link #install} gets ONAPPINSTALL at its handler URL; the first bot it registers becomes the line's chatbot,
 * as an administrator would set it in the line's settings.
 *
 * <p>With a state file ({@link #start(Integer, RatePlan, Path)}) the portal starts from what the file holds, when it
 * exists — installs, bots, lines, chats, sessions, tokens — on the port it was saved with, and {@link #saveState}
 * writes it back.
 */
public final class LocalPortal implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final FakeBitrix24 fake;
    private final WallClock wallClock;
    private final int operatorId;
    private final OpenLine support;
    private final List<Client> clients = new ArrayList<>();
    private final Path stateFile;
    private final boolean loaded;

    private LocalPortal(Integer port, RatePlan plan, Path stateFile) {
        VirtualClock clock = new VirtualClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        this.fake = FakeBitrix24.create(clock, vertx);
        this.stateFile = stateFile;
        this.loaded = stateFile != null && Files.exists(stateFile);
        try {
            if (loaded) {
                fake.loadState(stateFile);
            }
            int listen = port != null ? port : fake.savedPort() > 0 ? fake.savedPort() : DEFAULT_PORT;
            try {
                fake.start(listen);
            } catch (IllegalStateException e) {
                throw new PortNotFree(listen, e);
            }
        } catch (RuntimeException e) {
            fake.close();
            closeVertx();
            throw e;
        }
        this.wallClock = new WallClock(clock);
        FakePortal p = fake.portal();
        if (plan != null) {
            p.enforceRateLimit(plan);
        }
        if (loaded) {
            this.support = savedSupportLine(p, stateFile);
            this.operatorId = support.queueUserIds().get(0);
            p.chats().stream().filter(c -> c.connector().equals("livechat")).forEach(c -> clients.add(p.clientOf(c)));
        } else {
            this.operatorId = p.addUser("Olga Operator");
            this.support = p.addLine("Support", l -> l.queue(operatorId));
        }
    }

    /** The portal could not listen on {@link #port()}. */
    public static final class PortNotFree extends IllegalStateException {
        private final int port;

        PortNotFree(int port, Throwable cause) {
            super("cannot listen on 127.0.0.1:" + port, cause);
            this.port = port;
        }

        public int port() {
            return port;
        }
    }

    /** The port when none is given and no state file names one. */
    public static final int DEFAULT_PORT = 8070;

    /** Starts the portal on 127.0.0.1:{@code port} (0 = a free port); {@code plan} null means no rate limit. */
    public static LocalPortal start(int port, RatePlan plan) {
        return new LocalPortal(port, plan, null);
    }

    /**
     * Starts the portal from {@code stateFile} when it exists (else as {@link #start(int, RatePlan)} does, and
     * {@link #saveState} creates the file). {@code port} null means the port the file was saved with, else
     * {@link #DEFAULT_PORT}: keep it, since the installed app knows the portal by its {@code 127.0.0.1:port} domain.
     *
     * @throws dev.olbot.testkit.StateFileException the file cannot be read as a saved portal (one line naming the field)
     */
    public static LocalPortal start(Integer port, RatePlan plan, Path stateFile) {
        return new LocalPortal(port, plan, stateFile);
    }

    private static OpenLine savedSupportLine(FakePortal p, Path file) {
        OpenLine line;
        try {
            line = p.line(1);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": the saved portal has no open line 1 (Support)");
        }
        if (line.queueUserIds().isEmpty()) {
            throw new IllegalArgumentException(file + ": the saved Support line (1) has nobody in its queue");
        }
        return line;
    }

    /** Whether the portal started from its state file. */
    public boolean loadedState() {
        return loaded;
    }

    /** The state file, or null when the portal runs without one. */
    public Path stateFile() {
        return stateFile;
    }

    /** Writes the portal's state to its state file; returns a short summary of what was saved. */
    public String saveState() {
        if (stateFile == null) {
            throw new IllegalStateException("this portal has no state file (start it with --state FILE)");
        }
        fake.saveState(stateFile);
        return summary();
    }

    /** "1 bot, 2 chats, 5 users" for the first portal. */
    public String summary() {
        FakePortal p = fake.portal();
        int bots = p.botIds().size();
        int chats = p.chats().size();
        return bots + (bots == 1 ? " bot, " : " bots, ") + chats + (chats == 1 ? " chat" : " chats")
                + (p.applicationToken().isEmpty() ? ", app not installed" : ", app installed");
    }

    public FakeBitrix24 fake() {
        return fake;
    }

    public String baseUrl() {
        return fake.baseUrl();
    }

    /** What {@code olbot serve} needs as {@code OLBOT_OAUTH_SERVER}: the portal's own host, where {@code app.info} is. */
    public String oauthServer() {
        return fake.baseUrl() + "/";
    }

    public OpenLine supportLine() {
        return support;
    }

    public Operator operator() {
        return fake.portal().operator(operatorId);
    }

    public WallClock wallClock() {
        return wallClock;
    }

    /**
     * Installs the app: ONAPPINSTALL to {@code handlerUrl}, then waits (up to {@code wait}) for the app to register a
     * bot and makes it the Support line's chatbot. Returns the bot's id.
     */
    public int install(String handlerUrl, Duration wait) {
        if (!handlerUrl.startsWith("http://") && !handlerUrl.startsWith("https://")) {
            throw new IllegalArgumentException("the handler URL must start with http:// or https://: " + handlerUrl);
        }
        List<Integer> before = fake.portal().botIds();
        Installation install = fake.installApp(handlerUrl);
        try {
            int status = install.delivery().get(wait.toMillis(), TimeUnit.MILLISECONDS).status();
            if (status != 200) {
                throw new IllegalStateException("the app answered ONAPPINSTALL with HTTP " + status);
            }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("ONAPPINSTALL to " + handlerUrl + " was not answered: "
                    + (e.getCause() == null ? "no answer within " + wait.toSeconds() + " s" : e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing");
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Integer> bot = fake.portal().botIds().stream().filter(id -> !before.contains(id)).findFirst();
            if (bot.isPresent()) {
                support.welcomeBot(bot.get(), 0);
                return bot.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("the app was installed but registered no bot (imbot.register) within "
                + wait.toSeconds() + " s; see its log");
    }

    /** A new client of the Support line's live chat. */
    public synchronized Client newClient(String name) {
        Client c = fake.portal().client(support.id(), name);
        clients.add(c);
        return c;
    }

    /** The newest client, or a new one called Anna Petrova. */
    public synchronized Client client() {
        return clients.isEmpty() ? newClient("Anna Petrova") : clients.get(clients.size() - 1);
    }

    public OpenLineChat chat() {
        return client().chat();
    }

    @Override
    public void close() {
        if (wallClock != null) {
            wallClock.close();
        }
        fake.close();
        closeVertx();
    }

    private void closeVertx() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
    }
}
