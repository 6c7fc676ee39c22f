package dev.olbot.rest.methods;

import dev.olbot.rest.methods.internal.Params;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parameters of {@code imbot.register}. Required fields ({@code CODE}, a handler URL,
 * {@code PROPERTIES.NAME} or {@code LAST_NAME}) are checked by {@link MethodCatalog} before the call.
 *
 * <pre>{@code
 * BotRegistration.code("faq").openLineBot().eventHandler("https://bot.example.com/events").name("FAQ bot")
 * }</pre>
 */
public final class BotRegistration {

    /** {@code TYPE}: B standard, O Open Lines, H human-like, S supervisor. */
    public enum Type { B, O, H, S }

    private final Params params = Params.create();
    private final Map<String, Object> properties = new LinkedHashMap<>();

    private BotRegistration(String code) {
        params.put("CODE", code);
    }

    public static BotRegistration code(String code) {
        return new BotRegistration(code);
    }

    public BotRegistration type(Type type) {
        params.put("TYPE", type.name());
        return this;
    }

    /** {@code TYPE=O}, {@code OPENLINE=Y}: the shape of the official Open Lines sample bot. */
    public BotRegistration openLineBot() {
        return type(Type.O).openline(true);
    }

    public BotRegistration openline(boolean openline) {
        params.flag("OPENLINE", openline);
        return this;
    }

    /** One URL for all five bot events. */
    public BotRegistration eventHandler(String url) {
        params.put("EVENT_HANDLER", url);
        return this;
    }

    /** One of {@code EVENT_MESSAGE_ADD}, {@code EVENT_MESSAGE_UPDATE}, … by its key. */
    public BotRegistration handler(String key, String url) {
        params.put(key, url);
        return this;
    }

    public BotRegistration name(String name) {
        return property("NAME", name);
    }

    /** A {@code PROPERTIES} key: {@code LAST_NAME}, {@code COLOR}, {@code WORK_POSITION}, {@code EMAIL} … */
    public BotRegistration property(String key, Object value) {
        properties.put(key, value);
        return this;
    }

    Map<String, Object> toParams() {
        Map<String, Object> out = new LinkedHashMap<>(params.map());
        if (!properties.isEmpty()) {
            out.put("PROPERTIES", new LinkedHashMap<>(properties));
        }
        return out;
    }
}
