package dev.olbot.bot;

import dev.olbot.bot.flow.Flow;
import dev.olbot.bot.routing.Intent;
import dev.olbot.bot.routing.Matcher;
import dev.olbot.bot.routing.NumberedMenu;
import dev.olbot.bot.routing.PersonRequest;
import dev.olbot.bot.routing.Utterance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a bot does, built once and immutable: its identity, handlers per event kind, intents,
 * numbered menus, flows, timeouts, middleware and error policy. Run it with {@link BotEngine}
 * (transport-free) or {@code BotServer} (HTTP).
 *
 * <pre>{@code
 * Bot bot = Bot.builder("faq_bot").name("FAQ bot")
 *     .onWelcome(ctx -> ctx.reply("Hello! Ask me about prices or delivery."))
 *     .on(Intent.keywords("price", "цена"), ctx -> ctx.reply("Prices start at 10 €."))
 *     .fallback(ctx -> ctx.toOperator())
 *     .build();
 * }</pre>
 */
public final class Bot {

    /** A registered intent: its matcher, handler, and where it was registered (for messages). */
    public record Registered(Matcher matcher, Handler handler, String origin) {}

    /** A command the bot registers on the portal ({@code imbot.command.register}) and answers. */
    public record CommandDef(String command, String title, String params, boolean common, Handler handler) {}

    private final String code;
    private final Map<String, Object> properties;
    private final boolean openLineOnly;
    private final List<Registered> intents;
    private final Map<String, CommandDef> commands;
    private final Map<String, NumberedMenu> menus;
    private final Map<String, Flow> flows;
    private final Map<String, Handler> timeouts;
    private final Map<String, Handler> on;
    private final List<Middleware> middleware;
    private final ErrorPolicy errorPolicy;
    private final String language;
    private final PersonRequest personRequest;
    private final java.util.Set<String> cancelWords;

    private Bot(Builder b) {
        this.code = b.code;
        this.properties = Map.copyOf(b.properties);
        this.openLineOnly = b.openLineOnly;
        this.intents = List.copyOf(b.intents);
        this.commands = Map.copyOf(b.commands);
        this.menus = Map.copyOf(b.menus);
        this.flows = Map.copyOf(b.flows);
        this.timeouts = Map.copyOf(b.timeouts);
        this.on = Map.copyOf(b.on);
        this.middleware = List.copyOf(b.middleware);
        this.errorPolicy = b.errorPolicy;
        this.language = b.language;
        this.personRequest = b.personRequest;
        this.cancelWords = b.cancelWords;
    }

    /** Starts a bot definition; {@code code} is the bot's {@code CODE}, unique on a portal. */
    public static Builder builder(String code) {
        return new Builder(code);
    }

    public String code() {
        return code;
    }

    /** {@code PROPERTIES} for {@code imbot.register} ({@code NAME}, {@code WORK_POSITION}, {@code COLOR}, ...). */
    public Map<String, Object> properties() {
        return properties;
    }

    /** True for {@code TYPE=O} (open lines only); false for a hybrid {@code TYPE=B, OPENLINE=Y} bot. */
    public boolean openLineOnly() {
        return openLineOnly;
    }

    public List<Registered> intents() {
        return intents;
    }

    public Map<String, CommandDef> commands() {
        return commands;
    }

    // ---- what the turn reads (the engine's side of the definition; handlers never need these)

    /** The menu named {@code name}; an unknown name is a bug in the bot and fails loudly. */
    public NumberedMenu menu(String name) {
        NumberedMenu m = menus.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no menu named '" + name + "'; registered: " + menus.keySet());
        }
        return m;
    }

    public java.util.Optional<NumberedMenu> findMenu(String name) {
        return java.util.Optional.ofNullable(menus.get(name));
    }

    /** The flow named {@code name}; an unknown name fails loudly. */
    public Flow flow(String name) {
        Flow f = flows.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no flow named '" + name + "'; registered: " + flows.keySet());
        }
        return f;
    }

    public java.util.Optional<Flow> findFlow(String name) {
        return java.util.Optional.ofNullable(flows.get(name));
    }

    public boolean hasTimeout(String name) {
        return timeouts.containsKey(name);
    }

    public java.util.Optional<Handler> timeoutHandler(String name) {
        return java.util.Optional.ofNullable(timeouts.get(name));
    }

    /** The handler of an event kind ({@link #WELCOME}, {@link #FALLBACK}, …), if the bot has one. */
    public java.util.Optional<Handler> on(String kind) {
        return java.util.Optional.ofNullable(on.get(kind));
    }

    public List<Middleware> middleware() {
        return middleware;
    }

    public ErrorPolicy errorPolicy() {
        return errorPolicy;
    }

    /** The language of the bot's own texts before a client wrote anything ({@code ru} unless configured). */
    public String language() {
        return language;
    }

    public PersonRequest personRequest() {
        return personRequest;
    }

    /** True when the message is one of the bot's cancel words (it cancels a shown menu outside flows). */
    public boolean isCancel(Utterance u) {
        return cancelWords.contains(u.normalized());
    }

    public static final String WELCOME = "welcome";
    public static final String FALLBACK = "fallback";
    public static final String EDITED = "edited";
    public static final String DELETED = "deleted";
    public static final String SESSION_FINISHED = "sessionFinished";
    public static final String BOT_DELETED = "botDeleted";
    public static final String INSTALLED = "installed";
    public static final String UNINSTALLED = "uninstalled";
    public static final String MUTED = "muted";

    /** Builds a {@link Bot}. Registrations are checked as they are made; a conflict names both sides. */
    public static final class Builder {
        private final String code;
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private boolean openLineOnly = true;
        private final List<Registered> intents = new ArrayList<>();
        private final Map<String, CommandDef> commands = new LinkedHashMap<>();
        private final Map<String, NumberedMenu> menus = new HashMap<>();
        private final Map<String, Flow> flows = new HashMap<>();
        private final Map<String, Handler> timeouts = new HashMap<>();
        private final Map<String, Handler> on = new HashMap<>();
        private final Map<String, String> onOrigin = new HashMap<>();
        private final List<Middleware> middleware = new ArrayList<>();
        private ErrorPolicy errorPolicy = ErrorPolicy.defaults();
        private String language = "ru";
        private PersonRequest personRequest = PersonRequest.defaults();
        private java.util.Set<String> cancelWords = java.util.Set.of("cancel", "stop", "отмена", "стоп");

        private Builder(String code) {
            if (code == null || !code.matches("[A-Za-z0-9_\\-.]{1,50}")) {
                throw new IllegalArgumentException("bot CODE must be 1-50 letters, digits, '_', '-' or '.': " + code);
            }
            this.code = code;
            this.properties.put("NAME", code);
        }

        /** The bot's display name ({@code PROPERTIES.NAME}). */
        public Builder name(String name) {
            properties.put("NAME", Objects.requireNonNull(name));
            return this;
        }

        /** Any other {@code PROPERTIES} key: {@code WORK_POSITION}, {@code COLOR}, {@code PERSONAL_GENDER}, ... */
        public Builder property(String key, Object value) {
            properties.put(key, value);
            return this;
        }

        /** Registers as a hybrid bot ({@code TYPE=B, OPENLINE=Y}) instead of open lines only ({@code TYPE=O}). */
        public Builder hybrid() {
            this.openLineOnly = false;
            return this;
        }

        /** The bot joined a chat / a new open-line session began: greet. */
        public Builder onWelcome(Handler h) {
            return handler(WELCOME, h);
        }

        /** A client message no intent matched. */
        public Builder fallback(Handler h) {
            return handler(FALLBACK, h);
        }

        public Builder onMessageEdited(Handler h) {
            return handler(EDITED, h);
        }

        public Builder onMessageDeleted(Handler h) {
            return handler(DELETED, h);
        }

        /** The session ended (the bot finished it, or an open-line session-finish event arrived). */
        public Builder onSessionFinished(Handler h) {
            return handler(SESSION_FINISHED, h);
        }

        public Builder onBotDeleted(Handler h) {
            return handler(BOT_DELETED, h);
        }

        /** After OLBot registered the bot on a newly installed portal. */
        public Builder onInstalled(Handler h) {
            return handler(INSTALLED, h);
        }

        public Builder onUninstalled(Handler h) {
            return handler(UNINSTALLED, h);
        }

        /**
         * Sees messages that arrive while the bot is muted (an operator owns the dialog). It can log
         * or collect them; replies are possible but rarely wanted.
         */
        public Builder onMutedMessage(Handler h) {
            return handler(MUTED, h);
        }

        private Builder handler(String kind, Handler h) {
            Objects.requireNonNull(h, kind);
            String origin = origin();
            if (on.containsKey(kind)) {
                throw new IllegalStateException("the " + kind + " handler is registered twice: at " + onOrigin.get(kind)
                        + " and at " + origin);
            }
            on.put(kind, h);
            onOrigin.put(kind, origin);
            return this;
        }

        /** An intent: when {@code matcher} matches a client's message, {@code handler} answers. */
        public Builder on(Matcher matcher, Handler handler) {
            Objects.requireNonNull(matcher, "matcher");
            Objects.requireNonNull(handler, "handler");
            String origin = origin();
            for (Registered r : intents) {
                if (r.matcher().kind() != matcher.kind()) {
                    continue;
                }
                for (String key : matcher.keys()) {
                    if (r.matcher().keys().contains(key)) {
                        throw new IllegalStateException(matcher.kind().name().toLowerCase(java.util.Locale.ROOT) + " '" + key
                                + "' is registered twice: " + r.matcher().describe() + " at " + r.origin() + ", and "
                                + matcher.describe() + " at " + origin);
                    }
                }
            }
            intents.add(new Registered(matcher, handler, origin));
            return this;
        }

        /**
         * A bot command: registered on the portal on install ({@code imbot.command.register}) and
         * matched when typed as {@code /command}, pressed as a command button or picked from a menu.
         */
        public Builder command(String command, String title, Handler handler) {
            String key = (command.startsWith("/") ? command.substring(1) : command).toLowerCase(java.util.Locale.ROOT);
            if (!key.matches("[a-z0-9]+")) {
                throw new IllegalArgumentException("command '" + command + "': Latin letters and digits only, no spaces");
            }
            on(Intent.command(key), handler);
            commands.put(key, new CommandDef(key, title, "", true, handler));
            return this;
        }

        /** A numbered menu shown with {@code ctx.showMenu(name)}. */
        public Builder menu(NumberedMenu menu) {
            if (menus.putIfAbsent(menu.name(), menu) != null) {
                throw new IllegalStateException("menu '" + menu.name() + "' is registered twice");
            }
            return this;
        }

        /** A flow started with {@code ctx.startFlow(name)}. */
        public Builder flow(Flow flow) {
            if (flows.putIfAbsent(flow.name(), flow) != null) {
                throw new IllegalStateException("flow '" + flow.name() + "' is registered twice");
            }
            return this;
        }

        /** The handler of a timer armed with {@code ctx.timeout(after, name)}. */
        public Builder onTimeout(String name, Handler handler) {
            if (timeouts.putIfAbsent(name, Objects.requireNonNull(handler)) != null) {
                throw new IllegalStateException("timeout '" + name + "' is registered twice");
            }
            return this;
        }

        /** Adds middleware around every routed turn; the first added runs outermost. */
        public Builder use(Middleware m) {
            middleware.add(Objects.requireNonNull(m));
            return this;
        }

        /**
         * The language ({@code ru}, {@code en}) of the framework's own texts until the client writes
         * (then the client's language wins); default {@code ru}.
         */
        public Builder language(String language) {
            if (language == null || !language.matches("[a-z]{2}")) {
                throw new IllegalArgumentException("language: a two-letter code such as ru or en, got " + language);
            }
            this.language = language;
            return this;
        }

        /** Which words ask for a person and what happens then; default {@link PersonRequest#defaults()}. */
        public Builder personRequest(PersonRequest request) {
            this.personRequest = Objects.requireNonNull(request);
            return this;
        }

        /**
         * Words that cancel what the client is in: a shown menu outside flows (each flow has its own,
         * {@link Flow.Builder#cancelWords}); default cancel, stop, отмена, стоп.
         */
        public Builder cancelWords(String... words) {
            this.cancelWords = java.util.Arrays.stream(words).map(Utterance::normalize).collect(java.util.stream.Collectors.toUnmodifiableSet());
            return this;
        }

        public Builder errorPolicy(ErrorPolicy policy) {
            this.errorPolicy = Objects.requireNonNull(policy);
            return this;
        }

        /**
         * Builds the bot. Refuses a bot that cannot answer a message (no intent, no fallback, no
         * welcome) and a {@link Handler#startFlow} that names a flow not registered with {@link #flow}.
         */
        public Bot build() {
            if (intents.isEmpty() && !on.containsKey(FALLBACK) && !on.containsKey(WELCOME)) {
                throw new IllegalStateException("bot '" + code + "' has no handlers: add on(intent, handler), "
                        + "fallback(handler) or onWelcome(handler)");
            }
            for (Registered r : intents) {
                checkFlow(r.handler(), r.matcher().describe() + " at " + r.origin());
            }
            on.forEach((kind, h) -> checkFlow(h, "the " + kind + " handler at " + onOrigin.get(kind)));
            timeouts.forEach((name, h) -> checkFlow(h, "timeout '" + name + "'"));
            for (NumberedMenu m : menus.values()) {
                m.items().forEach(i -> checkFlow(i.handler(), "menu '" + m.name() + "' item " + i.number()));
            }
            return new Bot(this);
        }

        private void checkFlow(Handler h, String where) {
            if (h instanceof Handler.StartFlow s && !flows.containsKey(s.flow())) {
                throw new IllegalStateException("startFlow('" + s.flow() + "') in " + where + ": no flow named '" + s.flow()
                        + "' is registered; registered flows: " + flows.keySet());
            }
        }

        private static String origin() {
            return StackWalker.getInstance().walk(frames -> frames
                    .filter(f -> !f.getClassName().equals(Builder.class.getName()))
                    .findFirst()
                    .map(f -> f.getFileName() + ":" + f.getLineNumber())
                    .orElse("?"));
        }
    }
}
