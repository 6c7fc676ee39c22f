package dev.olbot.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A registered bot (v1 or v2) and where its events go. */
final class BotRecord {
    final int id;
    final String appId;
    final boolean v2;
    String code;
    String type;
    boolean openline;
    /** CLIENT_ID (v1 webhook) or botToken (v2 webhook); "" for OAuth-registered bots. */
    String clientId = "";
    final Map<String, String> handlers = new LinkedHashMap<>();
    Map<String, Object> properties = new LinkedHashMap<>();
    String eventMode = "webhook";
    String webhookUrl = "";
    final List<Map<String, Object>> fetchQueue = new ArrayList<>();
    long nextEventId = 1;

    BotRecord(int id, String appId, boolean v2) {
        this.id = id;
        this.appId = appId;
        this.v2 = v2;
    }

    String name() {
        Object n = properties.get(v2 ? "name" : "NAME");
        Object l = properties.get(v2 ? "lastName" : "LAST_NAME");
        String s = (n == null ? "" : n.toString()) + (l == null || l.toString().isEmpty() ? "" : " " + l);
        return s.trim();
    }

    /** The URL of a v1 handler with {@code ?CLIENT_ID=} appended for webhook bots, as the server stores it. */
    static String withClientId(String url, String clientId) {
        if (clientId.isEmpty() || url.isEmpty()) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "CLIENT_ID=" + clientId;
    }
}
