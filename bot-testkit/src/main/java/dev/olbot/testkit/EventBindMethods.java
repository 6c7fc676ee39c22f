package dev.olbot.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code event.bind} / {@code event.unbind} for the events this fake sends to an application (the
 * {@code OnImConnector*}, {@code OnSession*} and {@code OnOpenLineMessage*} events of {@link Connectors}).
 * Other event names answer {@code ERROR_EVENT_NOT_FOUND}.
 *
 * <p>Fake decisions without a source: a missing {@code handler} answers {@code ERROR_HANDLER_URL_MISMATCH}
 * (the docs list no code for it); binding needs the app's OAuth context ({@code WRONG_AUTH_TYPE}); handlers are
 * kept per portal, offline events and {@code auth_type} are not modelled.
 */
final class EventBindMethods {

    private static final List<String> EVENTS = List.of("ONIMCONNECTORMESSAGEADD", "ONIMCONNECTORMESSAGEUPDATE",
            "ONIMCONNECTORMESSAGEDELETE", "ONIMCONNECTORDIALOGSTART", "ONIMCONNECTORDIALOGFINISH", "ONIMCONNECTORSTATUSDELETE",
            "ONIMCONNECTORLINEDELETE", "ONSESSIONSTART", "ONSESSIONFINISH", "ONOPENLINEMESSAGEADD", "ONOPENLINEMESSAGEUPDATE",
            "ONOPENLINEMESSAGEDELETE");

    private EventBindMethods() {}

    static void register(RestDispatcher d) {
        d.define("event.bind").require("EVENT", "ERROR_EVENT_NOT_FOUND", "Event not found")
                .require("HANDLER", "ERROR_HANDLER_URL_MISMATCH", "Handler URL host doesn't match application url")
                .handle(c -> {
                    ConnectorMethods.requireApp(c);
                    List<String> urls = c.portal().connectors.handlers.computeIfAbsent(event(c), k -> new ArrayList<>());
                    if (!urls.contains(c.str("HANDLER"))) {
                        urls.add(c.str("HANDLER"));
                    }
                    return true;
                });
        d.define("event.unbind").require("EVENT", "ERROR_EVENT_NOT_FOUND", "Event not found").handle(c -> {
            ConnectorMethods.requireApp(c);
            List<String> urls = c.portal().connectors.handlers.getOrDefault(event(c), new ArrayList<>());
            int before = urls.size();
            urls.removeIf(u -> c.str("HANDLER").isEmpty() || u.equals(c.str("HANDLER")));
            return Map.of("count", before - urls.size());
        });
    }

    private static String event(MethodCall c) {
        String event = c.str("EVENT").toUpperCase(Locale.ROOT);
        if (!EVENTS.contains(event)) {
            throw BitrixError.badRequest("ERROR_EVENT_NOT_FOUND", "Event not found");
        }
        return event;
    }
}
