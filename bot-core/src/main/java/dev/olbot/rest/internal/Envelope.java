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
        if ("OPERATION_TIME_LIMIT".equalsIgnoreCase(node.path("error").asText(""))) {
            JsonNode reset = node.path("operating_reset_at");
            return new OperatingLimitError(method, status, description.isMissingNode() || description.isNull() ? "" : description.asText(),
                    reset.canConvertToLong() && reset.asLong() > 0 ? java.time.Instant.ofEpochSecond(reset.asLong()) : null);
        }
        return new RestException(method, status, node.path("error").asText(""), description.isMissingNode() || description.isNull() ? "" : description.asText());
    }

    /**
     * True when an error answer to the whole request leaves open whether the method ran: a 5xx
     * other than the platform's documented refusals ({@code QUERY_LIMIT_EXCEEDED},
     * {@code OVERLOAD_LIMIT}, {@code PORTAL_DELETED}), or an answer that is not the platform's
     * envelope. A PHP fatal error late in a request (a {@code batch} runs its commands one after
     * another in one request) answers 500 after writes happened.
     */
    public static boolean outcomeUnknown(RestException e) {
        if (e.is("QUERY_LIMIT_EXCEEDED") || e.is("OVERLOAD_LIMIT") || e.is("PORTAL_DELETED") || e.is("OPERATION_TIME_LIMIT")) {
            return false;
        }
        return e.httpStatus() >= 500 || e.is(UNEXPECTED);
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
