package dev.olbot.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An open line's settings, keyed as {@code imopenlines.config.get} returns them ({@code ID},
 * {@code LINE_NAME}, {@code QUEUE}, {@code WELCOME_BOT_ENABLE}, {@code WELCOME_BOT_ID},
 * {@code WELCOME_BOT_TIME}, {@code WELCOME_BOT_LEFT}, …). Values are strings, as the platform sends
 * them, except {@code QUEUE} (a list of user id strings).
 */
public final class OpenLine {

    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final String networkCode;

    OpenLine(int id, String name) {
        this.networkCode = Tokens.hex(16);
        settings.put("ID", String.valueOf(id));
        settings.put("ACTIVE", "Y");
        settings.put("LINE_NAME", name);
        settings.put("CRM", "Y");
        settings.put("CRM_CREATE", "lead");
        settings.put("QUEUE_TYPE", "evenly");
        settings.put("WELCOME_MESSAGE", "Y");
        settings.put("WELCOME_MESSAGE_TEXT", "Welcome! An operator will answer you shortly.");
        settings.put("WELCOME_BOT_ENABLE", "N");
        settings.put("WELCOME_BOT_JOIN", "always");
        settings.put("WELCOME_BOT_ID", "0");
        settings.put("WELCOME_BOT_TIME", "600");
        settings.put("WELCOME_BOT_LEFT", "queue");
        settings.put("QUEUE", new ArrayList<String>());
    }

    /** A line with saved settings ({@link StateRestore}); {@code settings} holds ID and QUEUE (a list of strings). */
    OpenLine(Map<String, Object> settings, String networkCode) {
        this.networkCode = networkCode;
        this.settings.putAll(settings);
    }

    /** The 32-character code another portal joins this line with ({@code imopenlines.network.join}). */
    public String networkCode() {
        return networkCode;
    }

    public int id() {
        return Integer.parseInt((String) settings.get("ID"));
    }

    /** Sets one setting; numbers and booleans become the platform's strings (Y/N for booleans). */
    public OpenLine set(String key, Object value) {
        synchronized (this) {
            settings.put(key, value instanceof Boolean b ? (b ? "Y" : "N") : String.valueOf(value));
        }
        return this;
    }

    /** The operators' user ids, in queue order. */
    public OpenLine queue(Integer... userIds) {
        List<String> q = new ArrayList<>();
        for (Integer id : userIds) {
            q.add(String.valueOf(id));
        }
        synchronized (this) {
            settings.put("QUEUE", q);
        }
        return this;
    }

    /** Lets {@code botId} answer first, handing over to the queue after {@code seconds}. */
    public OpenLine welcomeBot(int botId, int seconds) {
        return set("WELCOME_BOT_ENABLE", "Y").set("WELCOME_BOT_ID", botId).set("WELCOME_BOT_TIME", seconds);
    }

    public synchronized String get(String key) {
        Object v = settings.get(key);
        return v == null ? "" : v.toString();
    }

    @SuppressWarnings("unchecked")
    public synchronized List<Integer> queueUserIds() {
        List<Integer> out = new ArrayList<>();
        for (String s : (List<String>) settings.get("QUEUE")) {
            out.add(Integer.parseInt(s));
        }
        return out;
    }

    public synchronized String name() {
        return get("LINE_NAME");
    }

    boolean welcomeBotEnabled() {
        return "Y".equals(get("WELCOME_BOT_ENABLE")) && Integer.parseInt(get("WELCOME_BOT_ID")) > 0;
    }

    int welcomeBotId() {
        return Integer.parseInt(get("WELCOME_BOT_ID"));
    }

    long welcomeBotSeconds() {
        return Long.parseLong(get("WELCOME_BOT_TIME"));
    }

    /** A copy of all settings, as {@code imopenlines.config.get} answers. */
    public synchronized Map<String, Object> settings() {
        Map<String, Object> copy = new LinkedHashMap<>(settings);
        copy.put("QUEUE", new ArrayList<>((List<?>) settings.get("QUEUE")));
        return copy;
    }
}
