package dev.olbot.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Line settings: {@code imopenlines.config.add/update/delete/path.get}, {@code imopenlines.network.join},
 * {@code imopenlines.revision.get} ({@code config.get} and {@code config.list.get} are in {@link OpenLineMethods}).
 * A changed {@code QUEUE} or {@code WELCOME_BOT_*} applies from the next session on, as on the platform.
 *
 * <p>Fake decisions without a source: an unknown {@code CONFIG_ID} answers {@code false} (as {@code config.get}
 * does here); only the portal admin (user 1) may update or delete ({@code CONFIG_WRONG_USER_PERMISSION});
 * {@code QUEUE} takes the documented {@code [{ENTITY_TYPE: user, ENTITY_ID}]} or plain user ids.
 */
final class LineConfigMethods {

    private LineConfigMethods() {}

    static void register(RestDispatcher d) {
        d.define("imopenlines.config.add").handle(LineConfigMethods::add);
        d.define("imopenlines.config.update").requireId("CONFIG_ID", "CONFIG_ID_EMPTY", "Config ID can't be empty")
                .handle(LineConfigMethods::update);
        d.define("imopenlines.config.delete").requireId("CONFIG_ID", "CONFIG_ID_EMPTY", "Config ID can't be empty")
                .handle(LineConfigMethods::delete);
        d.define("imopenlines.config.path.get").handle(c -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("SERVER_ADDRESS", "https://" + c.portal().domain());
            r.put("PUBLIC_PATH", "/contact_center/");
            return r;
        });
        d.define("imopenlines.network.join").require("CODE", "CODE", "You entered an invalid code").handle(LineConfigMethods::join);
        d.define("imopenlines.revision.get").handle(c -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("rest", 2);
            r.put("web", 1);
            r.put("mobile", 1);
            return r;
        });
    }

    private static Object add(MethodCall c) {
        FakePortal p = c.portal();
        Map<String, Object> params = Params.upper(Params.map(c.params().get("PARAMS")));
        String name = Params.str(params, "LINE_NAME");
        OpenLine line = p.addLine(name.isEmpty() ? "Open Channel " + p.lines.size() : name, l -> apply(p, l, params));
        c.fake().transcript().add("system", "line " + line.id() + " \"" + line.name() + "\" created");
        return line.id();
    }

    private static Object update(MethodCall c) {
        OpenLine line = line(c);
        if (line == null) {
            return false;
        }
        apply(c.portal(), line, Params.upper(Params.map(c.params().get("PARAMS"))));
        c.fake().transcript().add("system", "line " + line.id() + " updated");
        return true;
    }

    private static Object delete(MethodCall c) {
        OpenLine line = line(c);
        if (line == null) {
            return false;
        }
        c.portal().connectors.lineDeleted(line.id());
        c.portal().lines.remove(line.id());
        c.fake().transcript().add("system", "line " + line.id() + " deleted");
        return true;
    }

    private static OpenLine line(MethodCall c) {
        if (c.userId() != 1) {
            throw new BitrixError(403, "CONFIG_WRONG_USER_PERMISSION", "Permission denied");
        }
        return c.portal().lines.get((int) c.intval("CONFIG_ID"));
    }

    private static void apply(FakePortal p, OpenLine line, Map<String, Object> params) {
        params.forEach((key, value) -> {
            if (key.equals("QUEUE")) {
                line.queue(queue(p, value));
            } else if (!key.equals("ID") && !(value instanceof Map) && !(value instanceof List)) {
                line.set(key, value);
            }
        });
    }

    private static Integer[] queue(FakePortal p, Object value) {
        List<Integer> ids = new ArrayList<>();
        for (Object item : Params.list(value)) {
            Map<String, Object> entry = Params.upper(Params.map(item));
            boolean user = entry.isEmpty() || "user".equals(Params.str(entry, "ENTITY_TYPE").toLowerCase(Locale.ROOT));
            int id = (int) Params.intval(entry.isEmpty() ? item : entry.get("ENTITY_ID"));
            if (user && p.users.containsKey(id) && !ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids.toArray(Integer[]::new);
    }

    /** Joins a line of another portal of this fake account by its code; answers the network bot's id (the same one again). */
    private static Object join(MethodCall c) {
        String code = c.str("CODE");
        if (!code.matches("[0-9a-fA-F]{32}")) {
            throw BitrixError.badRequest("CODE", "You entered an invalid code");
        }
        FakePortal p = c.portal();
        Integer known = p.state.networkBots.get(code);
        if (known != null) {
            return known;
        }
        OpenLine line = c.fake().portals().stream().flatMap(x -> x.lines.values().stream())
                .filter(l -> l.networkCode().equalsIgnoreCase(code)).findFirst()
                .orElseThrow(() -> BitrixError.badRequest("NOT_FOUND", "Line not found"));
        if (!"Y".equals(line.get("ACTIVE"))) {
            throw BitrixError.badRequest("INACTIVE", "Openline is inactive");
        }
        int botId = p.addBotUser(line.name());
        p.state.networkBots.put(code, botId);
        c.fake().transcript().add("system", "network line \"" + line.name() + "\" joined as bot #" + botId);
        return botId;
    }
}
