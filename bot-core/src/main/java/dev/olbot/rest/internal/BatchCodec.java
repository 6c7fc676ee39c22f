package dev.olbot.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.olbot.rest.Call;
import dev.olbot.rest.RestException;
import dev.olbot.rest.RestResponse;
import dev.olbot.wire.PhpForm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code batch} wire format: {@code cmd} values are {@code method?query} with the query built
 * like PHP's {@code http_build_query}; the answer's {@code result}, {@code result_error},
 * {@code result_total}, {@code result_next} and {@code result_time} may each be an object keyed by
 * command or a list (empty ones come as {@code []}; a list is read positionally).
 */
public final class BatchCodec {

    public static final String NOT_EXECUTED = "NOT_EXECUTED";

    private BatchCodec() {}

    /** One command as the {@code cmd} value. */
    public static String command(String method, Map<String, ?> params) {
        String query = PhpForm.encode(params);
        return query.isEmpty() ? method : method + "?" + query;
    }

    /** Builds the {@code batch} parameters (without {@code auth}). */
    public static Map<String, Object> params(Map<String, Call> calls, boolean halt) {
        Map<String, String> cmd = new LinkedHashMap<>();
        calls.forEach((key, call) -> cmd.put(key, command(call.method(), call.params())));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("halt", halt ? 1 : 0);
        params.put("cmd", cmd);
        return params;
    }

    /** One command's outcome: exactly one of the two is present. */
    public record Outcome(Optional<RestResponse> response, Optional<RestException> error) {}

    /**
     * Splits the {@code result} of a successful {@code batch} call into per-command outcomes, in the
     * order of {@code calls}. A command with neither a result nor an error gets {@code NOT_EXECUTED}.
     */
    public static Map<String, Outcome> split(JsonNode batchResult, Map<String, Call> calls, int httpStatus) {
        List<String> keys = new ArrayList<>(calls.keySet());
        JsonNode results = batchResult.path("result");
        JsonNode errors = batchResult.path("result_error");
        JsonNode totals = batchResult.path("result_total");
        JsonNode nexts = batchResult.path("result_next");
        JsonNode times = batchResult.path("result_time");
        Map<String, Outcome> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            String method = calls.get(key).method();
            JsonNode error = at(errors, key, i);
            if (error != null && error.isObject() && error.hasNonNull("error")) {
                out.put(key, new Outcome(Optional.empty(), Optional.of(Envelope.error(method, httpStatus, error))));
                continue;
            }
            JsonNode result = at(results, key, i);
            if (result == null) {
                out.put(key, new Outcome(Optional.empty(), Optional.of(new RestException(method, httpStatus, NOT_EXECUTED,
                        "the batch returned no result for command '" + key + "' (not executed)"))));
                continue;
            }
            JsonNode time = at(times, key, i);
            out.put(key, new Outcome(Optional.of(new RestResponse(method, result, Envelope.number(at(totals, key, i)),
                    Envelope.number(at(nexts, key, i)), Optional.ofNullable(time).filter(JsonNode::isObject))), Optional.empty()));
        }
        return out;
    }

    private static JsonNode at(JsonNode container, String key, int index) {
        if (container == null || container.isMissingNode() || container.isNull()) {
            return null;
        }
        if (container.isObject()) {
            return container.get(key);
        }
        if (container.isArray()) {
            return index < container.size() ? container.get(index) : null;
        }
        return null;
    }
}
