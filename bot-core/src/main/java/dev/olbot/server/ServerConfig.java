package dev.olbot.server;

import dev.olbot.event.ApiVersion;
import dev.olbot.rest.OAuthServers;
import dev.olbot.rest.RateLimit;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How {@link BotServer} reaches a real portal. Read from environment variables ({@code OLBOT_*})
 * and/or a properties file with the same keys in lower case with dots ({@code olbot.public.url});
 * the environment wins. Secrets ({@code client_secret}, the webhook URL, the bot token) never
 * appear in {@link #toString()}.
 *
 * @param publicUrl     the URL Bitrix24 posts events to, e.g. {@code https://bot.example.com/bitrix/events}
 * @param host          bind address
 * @param port          port (0 = any free port)
 * @param clientId      OAuth application {@code client_id} (local or Market app)
 * @param clientSecret  OAuth application {@code client_secret}
 * @param webhookUrl    inbound webhook, {@code https://portal/rest/USER_ID/SECRET/}, for a setup with no app
 * @param botClientId   the {@code CLIENT_ID} a webhook-registered v1 bot is registered with
 * @param botToken      the {@code botToken} of a webhook-registered Chatbots 2.0 bot
 * @param api           V1 ({@code imbot.register}) or V2 ({@code imbot.v2.Bot.register})
 * @param fetchMode     Chatbots 2.0 only: poll {@code imbot.v2.Event.get} instead of receiving webhooks
 * @param dataDir       where tokens, installs and dialogs are kept
 * @param rateLimit     the portal's plan: standard 2/s burst 50, enterprise 5/s burst 250
 * @param oauthServers  {@code OLBOT_OAUTH_SERVER}: the authorisation servers trusted with the app secret, comma-separated
 *                      (default {@code https://oauth.bitrix.info/,https://oauth.bitrix24.tech/}); events naming another
 *                      {@code server_endpoint} are refused
 * @param handlerThreads {@code OLBOT_HANDLER_THREADS}: dialogs whose handlers may run (and block) at once on Java 17
 *                      (default 200); on Java 21+ every dialog gets a virtual thread and this is not a limit
 * @param metrics       {@code OLBOT_METRICS}: {@code on} (default) serves {@code GET /metrics} in the Prometheus text
 *                      format; {@code off} records nothing
 * @param debugToken    {@code OLBOT_DEBUG_TOKEN}: when set (16 characters or more), {@code GET /debug/dialogs/{id}} shows
 *                      a dialog's last turns to a request with {@code Authorization: Bearer <token>}; empty (default): off
 * @param redisUrl      {@code OLBOT_REDIS_URL}: cluster mode — dialogs, installs, tokens, dedupe keys, the refresh lock
 *                      and the rate bucket in this Redis ({@code redis://[:password@]host[:port][/db]}), shared by every
 *                      instance; empty = one instance with files in {@link #dataDir}
 * @param inboxPartitions {@code OLBOT_INBOX_PARTITIONS}: cluster mode — how many Redis streams the inbox is spread over
 *                      (default 16, 1–1024; the same on every instance): at most this many instances share the work
 * @param backlogWarning {@code OLBOT_BACKLOG_WARN}: how many events waiting for their turn make a WARN line (default 500;
 *                      an INFO line follows when the backlog is back at half of it)
 * @param eventLoops    {@code OLBOT_EVENT_LOOPS}: event loops that read, parse and verify deliveries, each with its own
 *                      server on the port (default 1 — more helped the in-memory inbox, not the journal; 1–256)
 */
public record ServerConfig(
        String publicUrl,
        String host,
        int port,
        String clientId,
        String clientSecret,
        String webhookUrl,
        String botClientId,
        String botToken,
        ApiVersion api,
        boolean fetchMode,
        Path dataDir,
        RateLimit rateLimit,
        OAuthServers oauthServers,
        int handlerThreads,
        boolean metrics,
        String debugToken,
        String redisUrl,
        int inboxPartitions,
        int backlogWarning,
        int eventLoops) {

    /**
     * Reads {@code OLBOT_*} from the environment, over an optional properties file. Throws
     * {@link IllegalArgumentException} for a missing file, a key or an {@code OLBOT_*} variable that is not an
     * OLBot setting (naming the nearest known one) and a value out of range (naming the variable).
     */
    public static ServerConfig load(Optional<Path> file, Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        file.ifPresent(f -> values.putAll(ServerProperties.read(f)));
        env.forEach((k, v) -> {
            if (k.startsWith("OLBOT_") && !ServerProperties.KNOWN.contains(k)) {
                // a typo would silently fall back to a default (OLBOT_PUBLC_URL, OLBOT_REDIS_ULR: one instance alone)
                throw new IllegalArgumentException("unknown environment variable " + ServerProperties.printable(k)
                        + ": did you mean " + ServerProperties.nearestVariable(k) + "?");
            }
            if (k.startsWith("OLBOT_") && !v.isBlank()) {
                values.put(k, v.strip());
            }
        });
        String api = values.getOrDefault("OLBOT_API", "v1").toLowerCase(Locale.ROOT);
        if (!api.equals("v1") && !api.equals("v2")) {
            throw new IllegalArgumentException("OLBOT_API must be v1 or v2, was '" + api + "'");
        }
        String mode = values.getOrDefault("OLBOT_EVENT_MODE", "webhook").toLowerCase(Locale.ROOT);
        if (!mode.equals("webhook") && !mode.equals("fetch")) {
            throw new IllegalArgumentException("OLBOT_EVENT_MODE must be webhook or fetch, was '" + mode + "'");
        }
        if (mode.equals("fetch") && api.equals("v1")) {
            throw new IllegalArgumentException("OLBOT_EVENT_MODE=fetch needs OLBOT_API=v2: only Chatbots 2.0 bots can poll events");
        }
        String rate = values.getOrDefault("OLBOT_RATE", "standard").toLowerCase(Locale.ROOT);
        String logFormat = values.getOrDefault("OLBOT_LOG_FORMAT", "text");
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            throw new IllegalArgumentException("OLBOT_LOG_FORMAT must be text or json, was '" + logFormat + "'");
        }
        return new ServerConfig(
                publicUrl(values.getOrDefault("OLBOT_PUBLIC_URL", "")),
                values.getOrDefault("OLBOT_HOST", "0.0.0.0"),
                port(values.getOrDefault("OLBOT_PORT", "8080")),
                values.getOrDefault("OLBOT_CLIENT_ID", ""),
                values.getOrDefault("OLBOT_CLIENT_SECRET", ""),
                values.getOrDefault("OLBOT_WEBHOOK_URL", ""),
                values.getOrDefault("OLBOT_BOT_CLIENT_ID", ""),
                values.getOrDefault("OLBOT_BOT_TOKEN", ""),
                api.equals("v2") ? ApiVersion.V2 : ApiVersion.V1,
                mode.equals("fetch"),
                Path.of(values.getOrDefault("OLBOT_DATA_DIR", "olbot-data")),
                switch (rate) {
                    case "standard" -> RateLimit.STANDARD;
                    case "enterprise" -> RateLimit.ENTERPRISE;
                    default -> throw new IllegalArgumentException("OLBOT_RATE must be standard or enterprise, was '" + rate + "'");
                },
                oauthServers(values.get("OLBOT_OAUTH_SERVER")),
                atLeastOne(values.getOrDefault("OLBOT_HANDLER_THREADS", "200"), "OLBOT_HANDLER_THREADS"),
                onOff(values.getOrDefault("OLBOT_METRICS", "on"), "OLBOT_METRICS"),
                debugToken(values.getOrDefault("OLBOT_DEBUG_TOKEN", "")),
                redisUrl(values.getOrDefault("OLBOT_REDIS_URL", "")),
                partitions(values.getOrDefault("OLBOT_INBOX_PARTITIONS", "16")),
                atLeastOne(values.getOrDefault("OLBOT_BACKLOG_WARN", "500"), "OLBOT_BACKLOG_WARN"),
                eventLoops(values.get("OLBOT_EVENT_LOOPS")));
    }

    private static int eventLoops(String s) {
        if (s == null) {
            return dev.olbot.ingress.IngressServer.Options.defaultEventLoops();
        }
        int n = integer(s, "OLBOT_EVENT_LOOPS");
        if (n < 1 || n > dev.olbot.ingress.IngressServer.Options.MAX_EVENT_LOOPS) {
            throw new IllegalArgumentException("OLBOT_EVENT_LOOPS must be 1.." + dev.olbot.ingress.IngressServer.Options.MAX_EVENT_LOOPS
                    + ", was " + n);
        }
        return n;
    }

    private static int port(String s) {
        int n = integer(s, "OLBOT_PORT");
        if (n < 0 || n > 65535) {
            throw new IllegalArgumentException("OLBOT_PORT must be 0..65535 (0 picks any free port), was " + n);
        }
        return n;
    }

    /** The address Bitrix24 posts events to: absolute, http(s), with a host; empty when not set. */
    private static String publicUrl(String url) {
        if (url.isEmpty()) {
            return url;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException("OLBOT_PUBLIC_URL must be the address Bitrix24 posts events to, like"
                    + " https://bot.example.com/bitrix/events; was '" + dev.olbot.wire.LogSafe.escape(url) + "'");
        }
        return url;
    }

    private static int atLeastOne(String s, String name) {
        int n = integer(s, name);
        if (n < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + n);
        }
        return n;
    }

    private static String redisUrl(String url) {
        if (!url.isEmpty() && !url.startsWith("redis://") && !url.startsWith("rediss://") && !url.startsWith("unix://")) {
            throw new IllegalArgumentException("OLBOT_REDIS_URL must look like redis://host:6379 (or rediss://, unix://), was '"
                    + dev.olbot.wire.LogSafe.escape(dev.olbot.redis.RedisLink.withoutPassword(url)) + "'");
        }
        return url;
    }

    /** Cluster mode: the shared stores are in Redis. */
    public boolean cluster() {
        return !redisUrl.isEmpty();
    }

    private static OAuthServers oauthServers(String value) {
        if (value == null) {
            return OAuthServers.DEFAULT;
        }
        try {
            return OAuthServers.of(java.util.Arrays.stream(value.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("OLBOT_OAUTH_SERVER: " + e.getMessage());
        }
    }

    public boolean oauthApp() {
        return !clientId.isEmpty();
    }

    public boolean inboundWebhook() {
        return !webhookUrl.isEmpty();
    }

    /** The path of {@link #publicUrl} the server listens on ({@code /bitrix/events} when none is set). */
    public String path() {
        if (publicUrl.isEmpty()) {
            return "/bitrix/events";
        }
        String p = URI.create(publicUrl).getPath();
        return p == null || p.isEmpty() ? "/" : p;
    }

    /** What is missing or contradictory, in plain words; empty when the configuration can work. */
    public java.util.List<String> problems() {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (!oauthApp() && !inboundWebhook()) {
            out.add("no credentials: set OLBOT_CLIENT_ID and OLBOT_CLIENT_SECRET (a local or Market app), or OLBOT_WEBHOOK_URL"
                    + " (an inbound webhook https://portal/rest/USER_ID/SECRET/)");
        }
        if (oauthApp() && clientSecret.isEmpty()) {
            out.add("OLBOT_CLIENT_ID is set but OLBOT_CLIENT_SECRET is not: tokens could not be refreshed");
        }
        if (oauthApp() && inboundWebhook()) {
            out.add("both an app (OLBOT_CLIENT_ID) and an inbound webhook (OLBOT_WEBHOOK_URL) are set: choose one");
        }
        if (inboundWebhook() && !webhookUrl.matches("https?://[^/]+/rest/\\d+/[^/]+/?")) {
            out.add("OLBOT_WEBHOOK_URL does not look like https://portal/rest/USER_ID/SECRET/");
        }
        if (inboundWebhook() && api == ApiVersion.V1 && botClientId.isEmpty()) {
            out.add("a webhook-registered v1 bot needs OLBOT_BOT_CLIENT_ID (the CLIENT_ID it is registered with)");
        }
        if (inboundWebhook() && api == ApiVersion.V2 && botToken.isEmpty()) {
            out.add("a webhook-registered Chatbots 2.0 bot needs OLBOT_BOT_TOKEN (up to 40 characters)");
        }
        if (botToken.length() > 40) {
            out.add("OLBOT_BOT_TOKEN is longer than 40 characters; imbot.v2.Bot.register rejects it (BOT_TOKEN_INVALID_LENGTH)");
        }
        if (publicUrl.isEmpty() && !fetchMode) {
            out.add("no public handler URL: set OLBOT_PUBLIC_URL to the address Bitrix24 posts events to"
                    + " (or use OLBOT_API=v2 with OLBOT_EVENT_MODE=fetch, which needs none)");
        }
        if (!publicUrl.isEmpty() && !publicUrl.startsWith("https://")) {
            out.add("OLBOT_PUBLIC_URL is not https: a cloud Bitrix24 portal should reach the bot over HTTPS");
        }
        return out;
    }

    @Override
    public String toString() {
        return "ServerConfig[publicUrl=" + publicUrl + ", listen=" + host + ":" + port + path() + ", auth="
                + (oauthApp() ? "app " + clientId : inboundWebhook() ? "inbound webhook (secret hidden)" : "none")
                + ", api=" + api + (fetchMode ? " fetch" : " webhook") + ", dataDir=" + dataDir + ", rate="
                + rateLimit + ", oauthServers=" + oauthServers + ", metrics=" + (metrics ? "on" : "off")
                + ", debug=" + (debugToken.isEmpty() ? "off" : "on (token hidden)")
                + (cluster() ? ", redis=" + dev.olbot.redis.RedisLink.withoutPassword(redisUrl) + ", inbox partitions=" + inboxPartitions : "") + "]";
    }

    private static boolean onOff(String s, String name) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException(name + " must be on or off, was '" + s + "'");
        };
    }

    /** The token {@code /debug/dialogs/{id}} asks for: empty (off), or at least 16 characters. */
    private static String debugToken(String token) {
        String t = token.strip();
        if (!t.isEmpty() && t.length() < 16) {
            throw new IllegalArgumentException("OLBOT_DEBUG_TOKEN must be at least 16 characters (it guards clients' messages), was "
                    + t.length());
        }
        return t;
    }

    private static int partitions(String s) {
        int n = integer(s, "OLBOT_INBOX_PARTITIONS");
        if (n < 1 || n > 1024) {
            throw new IllegalArgumentException("OLBOT_INBOX_PARTITIONS must be 1..1024, was " + n);
        }
        return n;
    }

    private static int integer(String s, String name) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was '" + s + "'");
        }
    }
}
