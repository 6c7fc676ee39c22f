package dev.olbot.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The success envelope of a REST call: {@code {"result": ..., "time": {...}, "total": N, "next": N}}.
 *
 * @param method the method that was called
 * @param result the {@code result} value as JSON (a boolean, number, object or array)
 * @param total  {@code total} of a list method, when sent
 * @param next   {@code next} start offset of a list method, when there is another page
 * @param time   the {@code time} block, when sent
 */
public record RestResponse(String method, JsonNode result, Optional<Long> total, Optional<Long> next, Optional<JsonNode> time) {}
