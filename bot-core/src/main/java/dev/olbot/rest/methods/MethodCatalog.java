package dev.olbot.rest.methods;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every method the typed layer knows, by name: the one place a required parameter is checked.
 * The REST client validates outgoing calls with it and the testkit's fake account validates
 * incoming ones, so both agree on what the platform requires.
 *
 * <pre>{@code
 * MethodCatalog.validate("imopenlines.bot.session.transfer", Map.of("USER_ID", 12));
 * // IllegalArgumentException: imopenlines.bot.session.transfer: CHAT_ID is required
 * }</pre>
 *
 * Thread-safe and immutable. Method names are matched exactly first, then ignoring case (the
 * platform resolves method names case-insensitively).
 */
public final class MethodCatalog {

    private static final Map<String, MethodSpec> BY_NAME = new LinkedHashMap<>();
    private static final Map<String, MethodSpec> BY_LOWER_NAME = new LinkedHashMap<>();

    static {
        Stream.of(ImbotSpecs.ALL, ImbotV2Specs.ALL, BotSessionSpecs.ALL, OpenLinesSpecs.ALL, ConnectorSpecs.ALL)
                .flatMap(Collection::stream)
                .forEach(spec -> {
                    if (BY_NAME.put(spec.name(), spec) != null) {
                        throw new IllegalStateException("duplicate method spec " + spec.name());
                    }
                    BY_LOWER_NAME.put(spec.name().toLowerCase(Locale.ROOT), spec);
                });
    }

    private MethodCatalog() {}

    /** The description of {@code method}, if the catalogue has it. */
    public static Optional<MethodSpec> find(String method) {
        MethodSpec exact = BY_NAME.get(method);
        return exact != null ? Optional.of(exact) : Optional.ofNullable(BY_LOWER_NAME.get(method.toLowerCase(Locale.ROOT)));
    }

    /**
     * The description of {@code method}.
     *
     * @throws IllegalArgumentException when the catalogue does not describe it
     */
    public static MethodSpec get(String method) {
        return find(method).orElseThrow(() -> new IllegalArgumentException(method + ": not in the method catalogue"));
    }

    /** All described methods, in declaration order. */
    public static Collection<MethodSpec> all() {
        return BY_NAME.values();
    }

    /**
     * Checks the parameters of a call before it leaves. Methods the catalogue does not describe
     * pass unchecked (the REST API is larger than the catalogue).
     *
     * @return true when the method was checked, false when it is not in the catalogue
     * @throws IllegalArgumentException naming the method and the missing or invalid field
     */
    public static boolean validate(String method, Map<String, ?> params) {
        Optional<MethodSpec> spec = find(method);
        spec.ifPresent(s -> s.validate(params));
        return spec.isPresent();
    }
}
