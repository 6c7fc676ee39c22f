package dev.olbot.bot;

import dev.olbot.rest.RestException;
import dev.olbot.rest.RestResponse;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One effect of a turn: a REST call, plus what to do when it succeeds, and which platform errors
 * mean "already done" (e.g. {@code WRONG_CHAT} for {@code .operator}).
 */
public record Action(String method, Map<String, Object> params, Consumer<RestResponse> onSuccess,
        Predicate<RestException> alreadyDone) {

    public static Action of(String method, Map<String, Object> params) {
        return new Action(method, params, r -> {}, e -> false);
    }

    public Action then(Consumer<RestResponse> next) {
        return new Action(method, params, onSuccess.andThen(next), alreadyDone);
    }

    public Action tolerating(Predicate<RestException> done) {
        return new Action(method, params, onSuccess, alreadyDone.or(done));
    }

    @Override
    public String toString() {
        return method + " " + params;
    }
}
