package dev.olbot.rest.methods.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A message context menu, exactly the documented {@code MENU} JSON (REFERENCE §4.6):
 * {@code {"ITEMS": [{"TEXT": ..., "LINK" | "COMMAND" | "ACTION" | "APP_ID": ...}]}}. A menu
 * command raises {@code ONIMCOMMANDADD} with {@code COMMAND_CONTEXT = MENU}. Immutable.
 */
public final class Menu {

    private final List<Map<String, Object>> items;

    private Menu(List<Map<String, Object>> items) {
        this.items = List.copyOf(items);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The {@code MENU} parameter value: {@code {"ITEMS": [...]}}. */
    public Map<String, Object> toParam() {
        return Map.of("ITEMS", items);
    }

    /** The short form: the bare array of items. */
    public List<Map<String, Object>> items() {
        return items;
    }

    public static final class Builder {
        private final List<Map<String, Object>> items = new ArrayList<>();

        public Builder link(String text, String url) {
            return item(text, "LINK", url);
        }

        public Builder command(String text, String command, String params) {
            Map<String, Object> item = start(text);
            item.put("COMMAND", command);
            if (params != null) {
                item.put("COMMAND_PARAMS", params);
            }
            items.add(item);
            return this;
        }

        public Builder action(String text, ButtonAction action, String value) {
            Map<String, Object> item = start(text);
            item.put("ACTION", action.name());
            item.put("ACTION_VALUE", value);
            items.add(item);
            return this;
        }

        public Builder app(String text, String appId, String appParams) {
            Map<String, Object> item = start(text);
            item.put("APP_ID", appId);
            if (appParams != null) {
                item.put("APP_PARAMS", appParams);
            }
            items.add(item);
            return this;
        }

        /** Marks the last item {@code DISABLED=Y}. */
        public Builder disabled() {
            last().put("DISABLED", "Y");
            return this;
        }

        /** Sets {@code CONTEXT} ({@code MOBILE}/{@code DESKTOP}/{@code ALL}) of the last item. */
        public Builder context(Button.Context context) {
            last().put("CONTEXT", context.name());
            return this;
        }

        public Menu build() {
            if (items.isEmpty()) {
                throw new IllegalArgumentException("MENU: at least one item is required");
            }
            return new Menu(items);
        }

        private Builder item(String text, String key, String value) {
            Map<String, Object> item = start(text);
            item.put(key, value);
            items.add(item);
            return this;
        }

        private Map<String, Object> start(String text) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("MENU item: TEXT is required");
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("TEXT", text);
            return item;
        }

        private Map<String, Object> last() {
            if (items.isEmpty()) {
                throw new IllegalStateException("MENU: add an item first");
            }
            return items.get(items.size() - 1);
        }
    }
}
