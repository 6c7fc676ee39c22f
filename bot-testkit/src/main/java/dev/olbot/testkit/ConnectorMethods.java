package dev.olbot.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Custom connectors, the app side: {@code imconnector.register/unregister/list/activate/status/connector.data.set/
 * chat.name.set}. The message methods are in {@link ConnectorMessageMethods}. Every method needs the app's OAuth
 * context ({@code WRONG_AUTH_TYPE}, 403, for webhooks and sessions); {@code register} and {@code unregister}
 * report their errors inside an HTTP 200 result, as documented.
 */
final class ConnectorMethods {

    static final String APP_CONTEXT = "Current authorization type is denied for this method Application context required";

    private ConnectorMethods() {}

    static void register(RestDispatcher d) {
        d.define("imconnector.register")
                .requireInResult("ID", "CONNECTOR_ID_REQUIRED", "Connector ID is not specified")
                .requireInResult("NAME", "NAME_REQUIRED", "Connector name is not specified")
                .requireInResult("ICON", "ICON_REQUIRED", "Connector icon is not specified")
                .requireInResult("ICON.DATA_IMAGE", "ICON_REQUIRED", "Connector icon is not specified")
                .requireInResult("PLACEMENT_HANDLER", "NO_PLACEMENT_HANDLER", "Failed to get embedding handler URL")
                .handle(ConnectorMethods::registerConnector);
        d.define("imconnector.unregister")
                .requireInResult("ID", "APPLICATION_UNREGISTRATION_ERROR", "Error unregistering the application")
                .handle(ConnectorMethods::unregister);
        d.define("imconnector.list").handle(c -> {
            requireApp(c);
            return c.portal().connectors.titles();
        });
        d.define("imconnector.activate").require("CONNECTOR", "ERROR_ARGUMENT", argument("CONNECTOR"))
                .requireId("LINE", "ERROR_ARGUMENT", argument("LINE")).require("ACTIVE", "ERROR_ARGUMENT", argument("ACTIVE"))
                .handle(ConnectorMethods::activate);
        d.define("imconnector.status").require("CONNECTOR", "ERROR_ARGUMENT", argument("CONNECTOR")).handle(ConnectorMethods::status);
        d.define("imconnector.connector.data.set").require("CONNECTOR", "ERROR_ARGUMENT", argument("CONNECTOR"))
                .requireId("LINE", "ERROR_ARGUMENT", argument("LINE")).require("DATA", "ERROR_ARGUMENT", argument("DATA"))
                .handle(ConnectorMethods::dataSet);
        d.define("imconnector.chat.name.set").require("CONNECTOR", "ERROR_ARGUMENT", argument("CONNECTOR"))
                .requireId("LINE", "ERROR_ARGUMENT", argument("LINE")).require("CHAT_ID", "ERROR_ARGUMENT", argument("CHAT_ID"))
                .require("NAME", "ERROR_ARGUMENT", argument("NAME")).handle(ConnectorMethods::chatNameSet);
        ConnectorMessageMethods.register(d);
        EventBindMethods.register(d);
    }

    static String argument(String name) {
        return "Argument '" + name + "' is null or empty";
    }

    /** Only the application's OAuth context may manage connectors. */
    static void requireApp(MethodCall c) {
        if (c.auth() != AuthKind.OAUTH) {
            throw new BitrixError(403, "WRONG_AUTH_TYPE", APP_CONTEXT);
        }
    }

    /** The registered connector of {@code CONNECTOR}, else {@code IMCONNECTOR_NO_CORRECT_PROVIDER}. */
    static Connectors.Registration connector(MethodCall c) {
        Connectors.Registration r = c.portal().connectors.registered.get(c.str("CONNECTOR"));
        if (r == null) {
            throw BitrixError.badRequest("IMCONNECTOR_NO_CORRECT_PROVIDER", "Unable to find a suitable provider for the connector");
        }
        return r;
    }

    private static Object registerConnector(MethodCall c) {
        requireApp(c);
        String id = c.str("ID");
        if (id.contains(".")) {
            throw BitrixError.inResult("APPLICATION_REGISTRATION_ERROR_POINT",
                    "Application registration error. Using a dot in the connector identifier is not allowed");
        }
        Map<String, Object> options = new LinkedHashMap<>(c.params());
        c.portal().connectors.registered.put(id, new Connectors.Registration(id, c.str("NAME"), c.appId(),
                c.str("PLACEMENT_HANDLER"), options));
        c.fake().transcript().add("system", "connector " + id + " registered");
        return Map.of("result", true);
    }

    private static Object unregister(MethodCall c) {
        requireApp(c);
        Connectors connectors = c.portal().connectors;
        String id = c.str("ID");
        if (connectors.registered.remove(id) == null) {
            throw BitrixError.inResult("APPLICATION_UNREGISTRATION_ERROR", "Error unregistering the application");
        }
        connectors.bindings.keySet().removeIf(k -> k.startsWith(id + "|"));
        c.fake().transcript().add("system", "connector " + id + " unregistered");
        return Map.of("result", true);
    }

    private static Object activate(MethodCall c) {
        requireApp(c);
        Connectors.Registration r = connector(c);
        int line = (int) c.intval("LINE");
        if (!c.portal().lines.containsKey(line)) {
            throw BitrixError.badRequest("NOT_ACTIVE_LINE", "The line with this ID is inactive or does not exist");
        }
        boolean active = Params.intval(c.str("ACTIVE")) == 1 || "Y".equals(c.str("ACTIVE"));
        Connectors.LineBinding b = c.portal().connectors.binding(r.id(), line);
        boolean was = b.active;
        b.active = active;
        if (was && !active) {
            c.portal().connectors.statusDeleted(r.id(), line);
        }
        c.fake().transcript().add("system", "connector " + r.id() + (active ? " activated on" : " deactivated on") + " line " + line);
        return true;
    }

    private static Object status(MethodCall c) {
        requireApp(c);
        String connector = c.str("CONNECTOR");
        int line = (int) c.intval("LINE");
        boolean active = c.portal().connectors.isActive(connector, line);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("LINE", line);
        r.put("CONNECTOR", connector);
        r.put("ERROR", false);
        r.put("CONFIGURED", active);
        r.put("STATUS", active);
        return r;
    }

    private static Object dataSet(MethodCall c) {
        requireApp(c);
        Connectors.Registration r = connector(c);
        Connectors.LineBinding b = c.portal().connectors.binding(r.id(), (int) c.intval("LINE"));
        b.data = Params.freeze(Params.map(c.params().get("DATA")));
        return true;
    }

    private static Object chatNameSet(MethodCall c) {
        requireApp(c);
        Connectors.Registration r = connector(c);
        int line = (int) c.intval("LINE");
        if (!c.portal().connectors.isActive(r.id(), line)) {
            throw BitrixError.badRequest("NOT_ACTIVE_LINE", "The line with this ID is inactive or does not exist");
        }
        OpenLineChat chat = c.portal().chats.values().stream()
                .filter(x -> x.connector.equals(r.id()) && x.connectorChatId.equals(c.str("CHAT_ID")))
                .findFirst().orElseThrow(() -> BitrixError.badRequest("CHAT_RENAMING_FAILED", "Failed to rename the chat"));
        chat.name = c.str("NAME");
        c.fake().transcript().add("system", chat.dialogId() + " renamed to \"" + chat.name + "\"");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("SUCCESS", true);
        result.put("DATA", Map.of("RESULT", Map.of()));
        return result;
    }

    /** {@code {SUCCESS: true, DATA: {RESULT: [...]}}}, the answer of the message methods. */
    static Map<String, Object> success(List<Object> items) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("SUCCESS", true);
        result.put("DATA", Map.of("RESULT", items));
        return result;
    }
}
