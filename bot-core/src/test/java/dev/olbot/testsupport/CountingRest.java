package dev.olbot.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.olbot.rest.RestCaller;
import dev.olbot.rest.RestResponse;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A REST caller that records every call and answers each with a new message id (as {@code imbot.message.add} does). */
public final class CountingRest implements RestCaller {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final AtomicLong ids = new AtomicLong(1000);
    public final List<String> sent = new CopyOnWriteArrayList<>();

    @Override
    public Future<RestResponse> call(String portal, String method, Map<String, ?> params) {
        sent.add(method + " " + params.get("MESSAGE"));
        return Future.succeededFuture(new RestResponse(method, JSON.valueToTree(ids.incrementAndGet()), Optional.empty(),
                Optional.empty(), Optional.empty()));
    }
}
