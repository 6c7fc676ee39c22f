package dev.olbot.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks list methods page by page over any {@link RestCaller}. Items are the elements of
 * {@code result} when it is an array, of its only array field when it is an object with one
 * (e.g. {@code {"items": [...]}}), otherwise the object's values.
 */
public final class RestPages {

    /** Page size of ordinary list methods (fixed by the platform). */
    public static final int PAGE = 50;
    /** Largest {@code PARAMS.limit} of {@code imopenlines.config.list.get}. */
    public static final int OPEN_LINES_PAGE = 200;

    private final RestCaller caller;

    public RestPages(RestCaller caller) {
        this.caller = caller;
    }

    /** All items, following {@code next} from {@code start=0} until the platform sends no {@code next}. */
    public Future<List<JsonNode>> listAll(String portal, String method, Map<String, ?> params) {
        List<JsonNode> items = new ArrayList<>();
        return page(portal, method, params, 0, items).map(x -> items);
    }

    private Future<Void> page(String portal, String method, Map<String, ?> params, long start, List<JsonNode> into) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.put("start", start);
        return caller.call(portal, method, p).compose(response -> {
            items(response.result()).forEachRemaining(into::add);
            if (response.next().isPresent() && response.next().get() > start) {
                return page(portal, method, params, response.next().get(), into);
            }
            return Future.succeededFuture();
        });
    }

    /**
     * All items of a large list without counting them ({@code start=-1}): pages are taken with
     * {@code filter[>idField]=<last id>} and {@code order[idField]=ASC} until a page is short.
     * Other {@code filter} entries in {@code params} are kept; any {@code order} is replaced.
     */
    public Future<List<JsonNode>> fastScan(String portal, String method, Map<String, ?> params, String idField) {
        List<JsonNode> items = new ArrayList<>();
        return scan(portal, method, params, idField, 0, items).map(x -> items);
    }

    private Future<Void> scan(String portal, String method, Map<String, ?> params, String idField, long lastId, List<JsonNode> into) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        Map<String, Object> filter = new LinkedHashMap<>();
        if (params.get("filter") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> filter.put(String.valueOf(k), v));
        }
        filter.put(">" + idField, lastId);
        p.put("filter", filter);
        p.put("order", Map.of(idField, "ASC"));
        p.put("start", -1);
        return caller.call(portal, method, p).compose(response -> {
            List<JsonNode> page = new ArrayList<>();
            items(response.result()).forEachRemaining(page::add);
            into.addAll(page);
            if (page.size() < PAGE) {
                return Future.succeededFuture();
            }
            long next = page.get(page.size() - 1).path(idField).asLong(lastId);
            return next > lastId ? scan(portal, method, params, idField, next, into) : Future.succeededFuture();
        });
    }

    /**
     * All open lines from {@code imopenlines.config.list.get}, paged with {@code PARAMS.limit}
     * (200) and {@code PARAMS.offset}.
     *
     * @param params  {@code PARAMS} entries other than limit/offset ({@code select}, {@code order}, {@code filter})
     * @param options {@code OPTIONS} ({@code QUEUE}, {@code CONFIG_QUEUE}, ...), may be empty
     */
    public Future<List<JsonNode>> openLines(String portal, Map<String, ?> params, Map<String, ?> options) {
        List<JsonNode> items = new ArrayList<>();
        return lines(portal, params, options, 0, items).map(x -> items);
    }

    private Future<Void> lines(String portal, Map<String, ?> params, Map<String, ?> options, int offset, List<JsonNode> into) {
        Map<String, Object> inner = new LinkedHashMap<>(params);
        inner.put("limit", OPEN_LINES_PAGE);
        inner.put("offset", offset);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("PARAMS", inner);
        if (!options.isEmpty()) {
            p.put("OPTIONS", options);
        }
        return caller.call(portal, "imopenlines.config.list.get", p).compose(response -> {
            List<JsonNode> page = new ArrayList<>();
            items(response.result()).forEachRemaining(page::add);
            into.addAll(page);
            return page.size() < OPEN_LINES_PAGE ? Future.succeededFuture() : lines(portal, params, options, offset + page.size(), into);
        });
    }

    static Iterator<JsonNode> items(JsonNode result) {
        if (result == null || result.isNull() || result.isMissingNode()) {
            return List.<JsonNode>of().iterator();
        }
        if (result.isArray()) {
            return result.elements();
        }
        if (result.isObject() && result.size() == 1 && result.elements().next().isArray()) {
            return result.elements().next().elements();
        }
        return result.elements();
    }
}
