package dev.olbot.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One REST method of the fake: its name, the parameters it requires (each with the platform's
 * error), whether it reads parameters raw (not upper-cased) and whether it refuses session auth.
 * The required-parameter list is checked against the client's catalogue
 * ({@code dev.olbot.rest.methods.MethodCatalog}) by {@code CatalogCrossCheckTest}.
 */
final class MethodSpec {

    /**
     * A required parameter and the error its absence (or a non-positive id) produces.
     *
     * @param paths the parameter, or alternatives any one of which satisfies it; a path may be dotted
     *              ({@code fields.code}, {@code PROPERTIES.NAME}) to reach into a nested object
     * @param isset  present at all is enough (PHP {@code isset}): an empty value passes to the handler, which
     *               may answer a more specific error
     */
    record Required(List<String> paths, boolean positiveInt, boolean isset, String code, String description, boolean inResult) {

        Required(List<String> paths, boolean positiveInt, boolean isset, String code, String description) {
            this(paths, positiveInt, isset, code, description, false);
        }

        String param() {
            return paths.get(0);
        }

        boolean satisfiedBy(java.util.Map<String, Object> params) {
            for (String path : paths) {
                Object v = lookup(params, path);
                if (isset && v != null) {
                    return true;
                }
                if (positiveInt ? Params.intval(v) > 0 : v != null && !Params.scalar(v).isBlank()
                        && !(v instanceof java.util.Map<?, ?> m && m.isEmpty())
                        && !(v instanceof java.util.List<?> l && l.isEmpty())) {
                    return true;
                }
            }
            return false;
        }

        /** Top level exactly as sent (or upper-cased); nested keys ignoring case, as the handlers read them. */
        private static Object lookup(java.util.Map<String, Object> params, String path) {
            String[] keys = path.split("\\.");
            Object current = params.get(keys[0]);
            for (int i = 1; i < keys.length; i++) {
                if (!(current instanceof java.util.Map<?, ?>)) {
                    return null;
                }
                current = Params.lookup(Params.map(current), keys[i]);
            }
            return current;
        }
    }

    @FunctionalInterface
    interface Handler {
        Object handle(MethodCall call);
    }

    final String name;
    final List<Required> required = new ArrayList<>();
    boolean raw;
    boolean refusesSession;
    Handler handler;

    MethodSpec(String name) {
        this.name = name.toLowerCase(Locale.ROOT);
    }

    /** The parameter must be an integer > 0 (PHP intval), else {@code code}. */
    MethodSpec requireId(String param, String code, String description) {
        required.add(new Required(List.of(param), true, false, code, description));
        return this;
    }

    /** The parameter must be present and non-empty, else {@code code}. */
    MethodSpec require(String param, String code, String description) {
        required.add(new Required(List.of(param), false, false, code, description));
        return this;
    }

    /** The parameter must be present and non-empty, else {@code code} inside an HTTP 200 result ({@link BitrixError#inResult}). */
    MethodSpec requireInResult(String param, String code, String description) {
        required.add(new Required(List.of(param), false, false, code, description, true));
        return this;
    }

    /** At least one of the parameters must be sent at all (PHP {@code isset}), else {@code code}. */
    MethodSpec requireAnyIsset(String code, String description, String... params) {
        required.add(new Required(List.of(params), false, true, code, description));
        return this;
    }

    /** At least one of the parameters must be present and non-empty, else {@code code}. */
    MethodSpec requireAnyOf(String code, String description, String... params) {
        required.add(new Required(List.of(params), false, false, code, description));
        return this;
    }

    /** Parameters keep the case they were sent in ({@code imopenlines.bot.session.transfer}). */
    MethodSpec rawParams() {
        raw = true;
        return this;
    }

    /** Session (browser) auth gets {@code WRONG_AUTH_TYPE} (403), as every imbot and session method does. */
    MethodSpec noSessionAuth() {
        refusesSession = true;
        return this;
    }

    void handle(Handler h) {
        this.handler = h;
    }

    void validate(java.util.Map<String, Object> params) {
        for (Required r : required) {
            if (!r.satisfiedBy(params)) {
                throw r.inResult() ? BitrixError.inResult(r.code(), r.description()) : BitrixError.badRequest(r.code(), r.description());
            }
        }
    }
}
