package dev.olbot.rest.methods;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The description of one REST method: everything the typed layer, the REST client and the
 * testkit's fake account need to know about its parameters, without a class per method.
 *
 * @param name        the exact method name, e.g. {@code imopenlines.bot.session.transfer}
 * @param access      read or write (decides whether a timed-out call may be retried)
 * @param auth        the credential a webhook-registered bot must add
 * @param required    the parameters the platform requires (with alternatives)
 * @param optional    the other parameters the docs name (top-level keys)
 * @param positiveIds parameters that must be integers &gt; 0 when present ({@code CHAT_ID} of
 *                    the session methods: the platform answers {@code CHAT_ID_EMPTY} otherwise)
 * @param result      the shape of {@code result}
 * @param doc         the documentation page, relative to the {@code bitrix24/b24restdocs} root
 */
public record MethodSpec(String name, Access access, AuthNeed auth, List<Requirement> required, Set<String> optional,
                         Set<String> positiveIds, ResultKind result, String doc) {

    public MethodSpec {
        required = List.copyOf(required);
        optional = Set.copyOf(optional);
        positiveIds = Set.copyOf(positiveIds);
    }

    /** Starts a read method. */
    public static Builder read(String name) {
        return new Builder(name, Access.READ);
    }

    /** Starts a write method. */
    public static Builder write(String name) {
        return new Builder(name, Access.WRITE);
    }

    /** Every top-level parameter the docs name for this method, required ones first. */
    public Set<String> knownParams() {
        Set<String> known = new LinkedHashSet<>();
        required.forEach(r -> known.addAll(r.topLevelKeys()));
        known.addAll(optional);
        auth.param().ifPresent(known::add);
        return known;
    }

    /**
     * Checks {@code params} against this description.
     *
     * @throws IllegalArgumentException naming the method and the first missing or invalid field,
     *                                  e.g. {@code imopenlines.bot.session.transfer: CHAT_ID is required}
     */
    public void validate(Map<String, ?> params) {
        for (Requirement requirement : required) {
            if (!requirement.satisfiedBy(params)) {
                throw new IllegalArgumentException(name + ": " + requirement.describe() + " is required");
            }
        }
        for (String key : positiveIds) {
            Object value = params.get(key);
            if (value != null && !isPositiveInteger(value)) {
                throw new IllegalArgumentException(name + ": " + key + " must be an integer > 0 (was " + value + ")");
            }
        }
    }

    private static boolean isPositiveInteger(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue() > 0;
        }
        if (value instanceof JsonNode node && node.canConvertToLong()) {
            return node.isIntegralNumber() && node.asLong() > 0;
        }
        if (value instanceof CharSequence s) {
            return s.toString().matches("[0-9]+") && s.toString().chars().anyMatch(c -> c != '0');
        }
        return false;
    }

    /** Declares a {@link MethodSpec}; see the {@code *Specs} classes. */
    public static final class Builder {
        private final String name;
        private final Access access;
        private AuthNeed auth = AuthNeed.NONE;
        private final List<Requirement> required = new ArrayList<>();
        private final Set<String> optional = new LinkedHashSet<>();
        private final Set<String> positive = new LinkedHashSet<>();
        private ResultKind result = ResultKind.BOOLEAN;
        private String doc = "";

        private Builder(String name, Access access) {
            this.name = name;
            this.access = access;
        }

        /** Each path is required on its own. */
        public Builder requires(String... paths) {
            Arrays.stream(paths).map(Requirement::of).forEach(required::add);
            return this;
        }

        /** At least one of the paths is required. */
        public Builder requiresAnyOf(String... paths) {
            required.add(Requirement.anyOf(paths));
            return this;
        }

        public Builder requires(Requirement requirement) {
            required.add(requirement);
            return this;
        }

        public Builder optional(String... keys) {
            optional.addAll(Arrays.asList(keys));
            return this;
        }

        /** These parameters, when present, must be integers &gt; 0. */
        public Builder positive(String... keys) {
            positive.addAll(Arrays.asList(keys));
            return this;
        }

        public Builder auth(AuthNeed auth) {
            this.auth = auth;
            return this;
        }

        public Builder returns(ResultKind result) {
            this.result = result;
            return this;
        }

        public Builder doc(String doc) {
            this.doc = doc;
            return this;
        }

        public MethodSpec build() {
            return new MethodSpec(name, access, auth, required, optional, positive, result, doc);
        }
    }
}
