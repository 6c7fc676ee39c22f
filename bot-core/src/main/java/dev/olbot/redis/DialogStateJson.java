package dev.olbot.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.olbot.state.DialogKey;
import dev.olbot.state.DialogState;
import dev.olbot.state.FlowPosition;
import dev.olbot.state.Owner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A dialog state as the JSON Redis keeps (the version lives beside it, in the same hash). */
final class DialogStateJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DialogStateJson() {}

    static String write(DialogState s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("portal", s.key().portal()).put("bot", s.key().botId()).put("dialog", s.key().dialogId());
        n.put("owner", s.owner().name());
        n.put("session", s.sessionId());
        if (s.flow() != null) {
            ObjectNode f = n.putObject("flow");
            f.put("name", s.flow().flow()).put("step", s.flow().step()).put("attempts", s.flow().attempts());
            ObjectNode answers = f.putObject("answers");
            s.flow().answers().forEach(answers::put);
        }
        ObjectNode vars = n.putObject("vars");
        s.vars().forEach(vars::put);
        n.put("failures", s.failures());
        n.put("timeoutAt", s.timeoutAtMillis());
        n.put("timeoutName", s.timeoutName());
        return n.toString();
    }

    static DialogState read(String json, long version) {
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable dialog state in Redis", e);
        }
        DialogKey key = new DialogKey(n.path("portal").asText(), n.path("bot").asLong(), n.path("dialog").asText());
        FlowPosition flow = null;
        if (n.hasNonNull("flow")) {
            JsonNode f = n.get("flow");
            flow = new FlowPosition(f.path("name").asText(), f.path("step").asInt(), f.path("attempts").asInt(), strings(f.path("answers")));
        }
        return new DialogState(key, version, Owner.valueOf(n.path("owner").asText("BOT")), n.path("session").asLong(), flow,
                strings(n.path("vars")), n.path("failures").asInt(), n.path("timeoutAt").asLong(), n.path("timeoutName").asText(""));
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> m = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }
}
