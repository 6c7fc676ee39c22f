package dev.olbot.rest;

import java.util.Map;
import java.util.Optional;

/**
 * The outcome of {@link RestClient#batch}: every command key is in exactly one of the two maps.
 * A command that did not run because an earlier one failed with {@code halt} set has an error
 * {@code NOT_EXECUTED}.
 *
 * @param results successful commands by key, in command order
 * @param errors  failed commands by key, in command order, each with the command's own method
 */
public record BatchResult(Map<String, RestResponse> results, Map<String, RestException> errors) {

    public BatchResult {
        results = Map.copyOf(results);
        errors = Map.copyOf(errors);
    }

    public Optional<RestResponse> result(String key) {
        return Optional.ofNullable(results.get(key));
    }

    public Optional<RestException> error(String key) {
        return Optional.ofNullable(errors.get(key));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
