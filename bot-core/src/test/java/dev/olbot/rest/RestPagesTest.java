package dev.olbot.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Paging over a scripted {@link RestCaller}: no HTTP. */
class RestPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<JsonNode> calls = new ArrayList<>();

    private static List<Map<String, Object>> rows(int fromId, int count) {
        return IntStream.range(fromId, fromId + count).mapToObj(i -> Map.<String, Object>of("ID", String.valueOf(i))).toList();
    }

    private static <T> T done(Future<T> f) {
        assertThat(f.succeeded()).as("%s", f.cause()).isTrue();
        return f.result();
    }

    @Nested
    class StartAndNext {

        @Test
        void followsNextUntilThePlatformSendsNone() {
            RestCaller caller = (portal, method, params) -> {
                calls.add(JSON.valueToTree(params));
                long start = ((Number) params.get("start")).longValue();
                int count = start < 100 ? 50 : 20;
                Optional<Long> next = start < 100 ? Optional.of(start + 50) : Optional.empty();
                return Future.succeededFuture(new RestResponse(method, JSON.valueToTree(rows((int) start, count)), Optional.of(120L), next, Optional.empty()));
            };

            List<JsonNode> all = done(new RestPages(caller).listAll("p", "crm.lead.list", Map.of("select", List.of("ID"))));

            assertThat(all).hasSize(120);
            assertThat(calls).extracting(c -> c.path("start").asInt()).containsExactly(0, 50, 100);
            assertThat(calls).allSatisfy(c -> assertThat(c.path("select").get(0).asText()).isEqualTo("ID"));
        }

        @Test
        void readsItemsWrappedInAnObject() {
            RestCaller caller = (portal, method, params) -> Future.succeededFuture(new RestResponse(method,
                    JSON.valueToTree(Map.of("items", rows(1, 3))), Optional.of(3L), Optional.empty(), Optional.empty()));

            assertThat(done(new RestPages(caller).listAll("p", "crm.item.list", Map.of()))).hasSize(3);
        }
    }

    @Nested
    class FastScan {

        @Test
        void pagesByLastIdWithoutCounting() {
            RestCaller caller = (portal, method, params) -> {
                JsonNode p = JSON.valueToTree(params);
                calls.add(p);
                int after = p.path("filter").path(">ID").asInt();
                int remaining = Math.max(0, 130 - after);
                return Future.succeededFuture(new RestResponse(method, JSON.valueToTree(rows(after + 1, Math.min(50, remaining))),
                        Optional.empty(), Optional.empty(), Optional.empty()));
            };

            List<JsonNode> all = done(new RestPages(caller).fastScan("p", "crm.contact.list", Map.of("filter", Map.of("TYPE_ID", "CLIENT")), "ID"));

            assertThat(all).hasSize(130);
            assertThat(all.get(129).path("ID").asText()).isEqualTo("130");
            assertThat(calls).extracting(c -> c.path("filter").path(">ID").asInt()).containsExactly(0, 50, 100);
            assertThat(calls).allSatisfy(c -> {
                assertThat(c.path("start").asInt()).isEqualTo(-1);
                assertThat(c.path("order").path("ID").asText()).isEqualTo("ASC");
                assertThat(c.path("filter").path("TYPE_ID").asText()).isEqualTo("CLIENT");
            });
        }
    }

    @Nested
    class OpenLines {

        @Test
        void pagesWithParamsLimitAndOffset() {
            RestCaller caller = (portal, method, params) -> {
                JsonNode p = JSON.valueToTree(params);
                calls.add(p);
                int offset = p.path("PARAMS").path("offset").asInt();
                return Future.succeededFuture(new RestResponse(method, JSON.valueToTree(rows(offset, offset == 0 ? 200 : 15)),
                        Optional.empty(), Optional.empty(), Optional.empty()));
            };

            List<JsonNode> lines = done(new RestPages(caller).openLines("p", Map.of("filter", Map.of("ACTIVE", "Y")), Map.of("QUEUE", "Y")));

            assertThat(lines).hasSize(215);
            assertThat(calls).extracting(c -> c.path("PARAMS").path("offset").asInt()).containsExactly(0, 200);
            assertThat(calls).allSatisfy(c -> {
                assertThat(c.path("PARAMS").path("limit").asInt()).isEqualTo(200);
                assertThat(c.path("PARAMS").path("filter").path("ACTIVE").asText()).isEqualTo("Y");
                assertThat(c.path("OPTIONS").path("QUEUE").asText()).isEqualTo("Y");
            });
        }
    }
}
