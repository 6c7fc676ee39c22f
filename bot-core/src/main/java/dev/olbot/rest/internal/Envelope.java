package dev.olbot.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.olbot.rest.RestException;
import dev.olbot.rest.RestResponse;
import java.io.IOException;
import java.util.Optional;

/** Turns one HTTP answer into a {@link RestResponse} or a {@link RestException}. */
public final class Envelope {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String UNEXPECTED = "ERROR_UNEXPECTED_ANSWER";

    private Envelope() {}

    /** Parses a body; throws {@link RestException} for an error envelope or a body that is not a JSON object. */
    public static RestResponse parse(String method, int status, byte[] body) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            throw new RestException(method, status, UNEXPECTED,
                    "Server returned an unexpected response (HTTP " + status + ", " + (body == null || body.length == 0 ? "empty body" : "not a JSON object") + ")");
        }
        if (root.hasNonNull("error")) {
            throw error(method, status, root);
        }
        if (status >= 400 || !root.has("result")) {
            throw new RestException(method, status, UNEXPECTED,
                    "Server returned an unexpected response (HTTP " + status + ", no result and no error)");
        }
        return response(method, root);
    }

    public static RestException error(String method, int status, JsonNode node) {
        JsonNode description = node.path("error_description");
        return new RestException(method, status, node.path("error").asText(""), description.isMissingNode() || description.isNull() ? "" : description.asText());
    }

    public static RestResponse response(String method, JsonNode root) {
        JsonNode result = root.has("result") ? root.get("result") : NullNode.getInstance();
        return new RestResponse(method, result, number(root.get("total")), number(root.get("next")), Optional.ofNullable(root.get("time")).filter(JsonNode::isObject));
    }

    public static Optional<Long> number(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return Optional.of(node.asLong());
        }
        if (node.isTextual()) {
            try {
                return Optional.of(Long.parseLong(node.asText().trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
