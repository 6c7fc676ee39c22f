package dev.olbot.rest.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.olbot.rest.RestCaller;
import dev.olbot.rest.RestResponse;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A RestCaller that records every call and answers with the documented example of the method. */
final class RecordingCaller implements RestCaller {

    record Call(String portal, String method, Map<String, ?> params) {}

    static final ObjectMapper JSON = new ObjectMapper();

    final List<Call> calls = new ArrayList<>();
    private JsonNode override;

    /** Answer the next calls with this {@code result} instead of the documented example. */
    RecordingCaller answering(String resultJson) {
        try {
            override = JSON.readTree(resultJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    @Override
    public Future<RestResponse> call(String portal, String method, Map<String, ?> params) {
        calls.add(new Call(portal, method, params));
        JsonNode result = override != null ? override : documentedResult(method);
        return Future.succeededFuture(new RestResponse(method, result, Optional.empty(), Optional.empty(), Optional.empty()));
    }

    Call only() {
        if (calls.size() != 1) {
            throw new AssertionError("expected one call, got " + calls);
        }
        return calls.get(0);
    }

    /** The params as JSON, the way they leave as a JSON POST body. */
    JsonNode onlyParamsAsJson() {
        try {
            return JSON.readTree(JSON.writeValueAsString(only().params()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode documentedResult(String method) {
        return documented(method).get("result");
    }

    static JsonNode documented(String method) {
        try (InputStream in = RecordingCaller.class.getResourceAsStream("/methods/" + method + ".json")) {
            if (in == null) {
                throw new AssertionError("no documented example for " + method);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T await(Future<T> future) {
        if (!future.isComplete()) {
            throw new AssertionError("future not complete");
        }
        if (future.failed()) {
            throw new AssertionError(future.cause());
        }
        return future.result();
    }
}
