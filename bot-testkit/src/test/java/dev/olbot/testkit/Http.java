package dev.olbot.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A blocking HTTP client for tests: JSON posts, form posts and GETs against the fake. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static volatile HttpClient client = newClient();

    record Reply(int status, JsonNode body) {
        String error() {
            return body.path("error").asText("");
        }

        JsonNode result() {
            return body.get("result");
        }
    }

    private Http() {}

    private static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Drops pooled connections (a test that stopped a fake and started another on its port must not reuse them). */
    static void forgetConnections() {
        client = newClient();
    }

    static Reply postJson(String url, Map<String, ?> body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Reply postForm(String url, String form) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    static Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    /** Calls {@code /rest/<method>} with the OAuth token in the JSON body. */
    static Reply oauth(FakeBitrix24 fake, String token, String method, Map<String, ?> params) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(params);
        body.put("auth", token);
        return postJson(fake.baseUrl() + "/rest/" + method, body);
    }

    static Reply send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
