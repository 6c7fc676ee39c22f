package dev.olbot.server;

import dev.olbot.ingress.DedupeStore;
import dev.olbot.ingress.FileInbox;
import dev.olbot.ingress.SpillingInbox;
import dev.olbot.ingress.Inbox;
import dev.olbot.ingress.EventPoller;
import dev.olbot.ingress.PollLease;
import dev.olbot.ingress.FileInstallRegistry;
import dev.olbot.ingress.InstallRegistry;
import dev.olbot.redis.RedisBucket;
import dev.olbot.redis.RedisDedupeStore;
import dev.olbot.redis.RedisDialogStore;
import dev.olbot.redis.RedisInstallRegistry;
import dev.olbot.redis.RedisLink;
import dev.olbot.outbound.FileSentCalls;
import dev.olbot.outbound.SentCalls;
import dev.olbot.redis.RedisPollLease;
import dev.olbot.redis.RedisRefreshLock;
import dev.olbot.redis.RedisSentCalls;
import dev.olbot.redis.RedisStreamInbox;
import dev.olbot.redis.RedisTokenStore;
import dev.olbot.redis.RedisUnavailableException;
import dev.olbot.rest.FileTokenStore;
import dev.olbot.rest.RestClientOptions;
import dev.olbot.rest.TokenStore;
import dev.olbot.state.DialogStore;
import dev.olbot.state.FileDialogStore;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;

/**
 * The stores a {@link BotServer} keeps its state in: files in the data folder for one instance, or
 * — with {@code OLBOT_REDIS_URL} — one Redis shared by every instance (dialogs, installs, tokens,
 * dedupe keys, plus the cluster-wide refresh lock and the portal's rate bucket for the REST client).
 */
final class ServerStores implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServerStores.class);

    final TokenStore tokens;
    final InstallRegistry installs;
    final DialogStore dialogs;
    final DedupeStore dedupe;
    /**
     * Where the confirmed calls of turns are recorded (kept 1 hour): a file beside the inbox journal for
     * one instance (a replayed turn sends nothing twice), Redis in cluster mode (nor a re-claimed one).
     */
    final SentCalls sentCalls;
    private final RedisLink redis;
    private final Vertx vertx;
    private final String instanceId;
    private final List<AutoCloseable> closing = new ArrayList<>();
    /**
     * After Redis failed to answer, deliveries keep going to the spill this long: time for every instance
     * that kept some during the outage to say so on the board before anyone appends past them.
     */
    private static final Duration SPILL_AFTER_FAILURE = Duration.ofSeconds(2);
    /** A turn is replayed within a restart or re-claimed within a lease: an hour is far beyond either. */
    private static final Duration SENT_CALLS_KEPT = Duration.ofHours(1);

    private ServerStores(TokenStore tokens, InstallRegistry installs, DialogStore dialogs, DedupeStore dedupe, SentCalls sentCalls,
            RedisLink redis, Vertx vertx, String instanceId) {
        this.sentCalls = sentCalls;
        this.tokens = tokens;
        this.installs = installs;
        this.dialogs = dialogs;
        this.dedupe = dedupe;
        this.redis = redis;
        this.vertx = vertx;
        this.instanceId = instanceId;
        for (Object store : new Object[] {dialogs, installs, tokens, sentCalls}) {
            if (store instanceof AutoCloseable c) {
                closing.add(c);
            }
        }
        if (redis != null) {
            closing.add(redis);
        }
    }

    /** Opens the files or connects to Redis; a Redis that does not answer {@code PING} stops the start with one line. */
    static ServerStores open(ServerConfig config, Vertx vertx, Duration dedupeWindow) {
        if (!config.cluster()) {
            return new ServerStores(config.oauthApp() ? FileTokenStore.open(config.dataDir().resolve("tokens.json")) : null,
                    FileInstallRegistry.open(config.dataDir().resolve("installs.json")),
                    FileDialogStore.open(config.dataDir().resolve("dialogs.jsonl")),
                    DedupeStore.inMemory(dedupeWindow, 200_000, java.time.Clock.systemUTC()),
                    FileSentCalls.open(config.dataDir().resolve("sent-calls.jsonl"), SENT_CALLS_KEPT), null, vertx, "");
        }
        RedisLink redis = RedisLink.create(vertx, config.redisUrl());
        try {
            redis.ping();
        } catch (RedisUnavailableException e) {
            redis.close();
            throw new IllegalArgumentException("OLBOT_REDIS_URL: " + e.getMessage());
        }
        String instance = instanceId(config.dataDir());
        return new ServerStores(config.oauthApp() ? new RedisTokenStore(redis) : null, RedisInstallRegistry.open(vertx, redis),
                RedisDialogStore.create(redis), RedisDedupeStore.create(redis, dedupeWindow, instance),
                RedisSentCalls.create(redis, SENT_CALLS_KEPT), redis, vertx, instance);
    }

    /** This instance's id in the cluster, kept in its data folder so a restart keeps it. */
    private static String instanceId(Path dataDir) {
        Path file = dataDir.resolve("instance.id");
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file).strip();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            String id = UUID.randomUUID().toString();
            Files.writeString(file, id + "\n");
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the instance id in " + file, e);
        }
    }

    /**
     * Where accepted deliveries are kept: the journal in the data folder for one instance; in cluster
     * mode the partitioned inbox on Redis Streams, handed out to whichever instance owns a partition
     * (which also fires the pending timeouts of its partitions' dialogs, in their lanes); what Redis
     * cannot take while it does not answer is kept in {@code spill.journal} and moved into it later.
     */
    Inbox openInbox(ServerConfig config, Duration dedupeWindow) {
        if (redis == null) {
            return FileInbox.open(FileInbox.adopt(config.dataDir().resolve("inbox.jsonl"), config.dataDir().resolve("inbox.journal")),
                    dedupeWindow);
        }
        RedisStreamInbox inbox = RedisStreamInbox.open(vertx, redis, instanceId,
                RedisStreamInbox.Options.defaults().withPartitions(config.inboxPartitions()));
        if (dialogs instanceof RedisDialogStore shared) {
            shared.fireTimeoutsWithTheirPartition(config.inboxPartitions(), inbox::ownedPartitions);
        }
        // while Redis does not take deliveries, keep them in the data folder rather than answer 503
        return new SpillingInbox(inbox, FileInbox.open(config.dataDir().resolve("spill.journal"), dedupeWindow),
                ((RedisDedupeStore) dedupe)::takenHere, new dev.olbot.redis.RedisSpillBoard(redis, instanceId),
                () -> redis.failedWithin(SPILL_AFTER_FAILURE), RedisDedupeStore.ASYNC_WAIT);
    }

    /**
     * Where a fetch-mode poller keeps its offset, and who polls: alone, a file in the data folder; in
     * cluster mode, a lease in Redis (one leader per portal and bot) with the offset beside it.
     */
    PollLease pollLease(Path dataDir, String portalKey, long botId) {
        if (redis == null) {
            return PollLease.alone(EventPoller.OffsetStore.file(dataDir.resolve("offset-" + portalKey + "-" + botId + ".txt")));
        }
        return new RedisPollLease(redis, portalKey, botId, POLL_LEASE, ((RedisDedupeStore) dedupe).window());
    }

    /**
     * {@code ids} plus, in cluster mode, the bot ids other instances learned ({@code <prefix>bot-ids}, a hash
     * {@code portal/code → id}): a fetch-mode bot's id arrives with the install on one instance only, and every
     * instance needs it to run that bot's poller (and so to take over when the leader dies).
     */
    Map<String, Long> withSharedBotIds(Map<String, Long> ids) {
        if (redis == null) {
            return ids;
        }
        Map<String, Long> all = new HashMap<>(ids);
        try {
            Response shared = redis.call(Command.HGETALL, redis.key("bot-ids"));
            if (shared != null) {
                for (String k : shared.getKeys()) {
                    all.putIfAbsent(k, Long.parseLong(shared.get(k).toString()));
                }
            }
        } catch (RedisUnavailableException e) {
            LOG.warn("could not read the shared bot ids: {}", e.getMessage());
        }
        sharedBotIds = Map.copyOf(all);
        return all;
    }

    /** Whether bot ids are shared with other instances (cluster mode). */
    boolean sharesBotIds() {
        return redis != null;
    }

    /** In cluster mode, writes the bot ids this instance knows when they changed. Called off the event loop. */
    void shareBotIds(Map<String, Long> ids) {
        if (redis == null || ids.isEmpty() || ids.equals(sharedBotIds)) {
            return;
        }
        try {
            List<Object> args = new ArrayList<>();
            args.add(redis.key("bot-ids"));
            ids.forEach((k, v) -> {
                args.add(k);
                args.add(v);
            });
            redis.call(Command.HSET, args.toArray());
            sharedBotIds = Map.copyOf(ids);
        } catch (RedisUnavailableException e) {
            LOG.warn("could not share the bot ids: {}", e.getMessage());
        }
    }

    private volatile Map<String, Long> sharedBotIds = Map.of();

    /** How long a dead poll leader blocks the others; renewed every third of it. */
    static final Duration POLL_LEASE = Duration.ofSeconds(15);

    /** The token store, and in cluster mode the shared refresh lock and rate bucket. */
    void configure(RestClientOptions o) {
        if (tokens != null) {
            o.tokenStore(tokens);
        }
        if (redis != null) {
            o.refreshLock(new RedisRefreshLock(redis)).sharedBucket(new RedisBucket(redis));
        }
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }
}
