package dev.olbot.rest.methods;

import dev.olbot.rest.methods.internal.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters of {@code imbot.command.register}: {@code BOT_ID}, {@code COMMAND},
 * {@code EVENT_COMMAND_ADD} and at least one {@code LANG} entry ({@code LANGUAGE_ID}, {@code TITLE}, {@code PARAMS}).
 */
public final class CommandRegistration {

    private final Params params = Params.create();
    private final List<Map<String, Object>> lang = new ArrayList<>();

    private CommandRegistration(String command) {
        params.put("COMMAND", command);
    }

    public static CommandRegistration command(String command) {
        return new CommandRegistration(command);
    }

    public CommandRegistration botId(long botId) {
        params.put("BOT_ID", botId);
        return this;
    }

    public CommandRegistration handler(String url) {
        params.put("EVENT_COMMAND_ADD", url);
        return this;
    }

    public CommandRegistration title(String languageId, String title, String paramsHint) {
        if (languageId == null || title == null) {
            throw new IllegalArgumentException("imbot.command.register: LANG.LANGUAGE_ID and LANG.TITLE are required");
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("LANGUAGE_ID", languageId);
        entry.put("TITLE", title);
        if (paramsHint != null) {
            entry.put("PARAMS", paramsHint);
        }
        lang.add(entry);
        return this;
    }

    public CommandRegistration common(boolean common) {
        params.flag("COMMON", common);
        return this;
    }

    /** {@code HIDDEN=Y}: only for keyboards and menus. */
    public CommandRegistration hidden(boolean hidden) {
        params.flag("HIDDEN", hidden);
        return this;
    }

    public CommandRegistration extranetSupport(boolean extranet) {
        params.flag("EXTRANET_SUPPORT", extranet);
        return this;
    }

    Map<String, Object> toParams() {
        Map<String, Object> out = new LinkedHashMap<>(params.map());
        if (!lang.isEmpty()) {
            out.put("LANG", List.copyOf(lang));
        }
        return out;
    }
}
