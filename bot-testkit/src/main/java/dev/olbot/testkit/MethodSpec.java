package dev.olbot.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One REST method of the fake: its name, the parameters it requires (each with the platform's
 * error), whether it reads parameters raw (not upper-cased) and whether it refuses session auth.
 * The required-parameter list is the single place a later merge can switch to the shared catalogue.
 */
final class MethodSpec {

    /** A required parameter and the error its absence (or a non-positive id) produces. */
    record Required(String param, boolean positiveInt, String code, String description) {}

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
        required.add(new Required(param, true, code, description));
        return this;
    }

    /** The parameter must be present and non-empty, else {@code code}. */
    MethodSpec require(String param, String code, String description) {
        required.add(new Required(param, false, code, description));
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
            Object v = params.get(r.param());
            boolean ok = r.positiveInt() ? Params.intval(v) > 0 : v != null && !Params.scalar(v).isEmpty();
            if (!ok) {
                throw BitrixError.badRequest(r.code(), r.description());
            }
        }
    }
}
