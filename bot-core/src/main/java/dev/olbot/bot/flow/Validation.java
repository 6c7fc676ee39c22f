package dev.olbot.bot.flow;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The verdict on a client's answer to a flow question: the value to store, or why it is invalid. */
public sealed interface Validation {

    static Validation ok(String value) {
        return new Valid(value);
    }

    static Validation invalid(String message) {
        return new Invalid(message);
    }

    record Valid(String value) implements Validation {}

    /** @param message what to tell the client before asking again */
    record Invalid(String message) implements Validation {}

    /** Checks an answer. */
    @FunctionalInterface
    interface Validator extends Function<String, Validation> {}

    /** Any non-blank text, trimmed. */
    static Validator nonBlank(String message) {
        return s -> s == null || s.isBlank() ? invalid(message) : ok(s.strip());
    }

    /** A person's name: 2–60 letters, spaces, hyphens or apostrophes. */
    static Validator name(String message) {
        Pattern p = Pattern.compile("[\\p{L}][\\p{L} '’\\-]{1,59}");
        return s -> s != null && p.matcher(s.strip()).matches() ? ok(s.strip()) : invalid(message);
    }

    /**
     * A phone number: 10–15 digits once spaces, dashes, dots and brackets are dropped, optional
     * leading {@code +}; stored as {@code +digits} (a Russian {@code 8XXXXXXXXXX} becomes {@code +7...}).
     */
    static Validator phone(String message) {
        return s -> normalizePhone(s).<Validation>map(Validation::ok).orElseGet(() -> invalid(message));
    }

    /** Digits (and letters, if {@code alnum}) of the given length range, e.g. order numbers. */
    static Validator code(int minLength, int maxLength, boolean alnum, String message) {
        Pattern p = Pattern.compile((alnum ? "[A-Za-z0-9\\-]" : "\\d") + "{" + minLength + "," + maxLength + "}");
        return s -> {
            String v = s == null ? "" : s.strip().replaceFirst("^(?i)(№|#|n|no\\.?)\\s*", "");
            return p.matcher(v).matches() ? ok(v) : invalid(message);
        };
    }

    /** A plausible e-mail address. */
    static Validator email(String message) {
        Pattern p = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}");
        return s -> s != null && p.matcher(s.strip()).matches() ? ok(s.strip().toLowerCase(java.util.Locale.ROOT)) : invalid(message);
    }

    private static Optional<String> normalizePhone(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String t = s.strip();
        if (!t.matches("\\+?[0-9 ()\\-.]{10,25}")) {
            return Optional.empty();
        }
        String digits = t.replaceAll("\\D", "");
        if (digits.length() < 10 || digits.length() > 15) {
            return Optional.empty();
        }
        if (digits.length() == 11 && digits.startsWith("8") && !t.startsWith("+")) {
            digits = "7" + digits.substring(1);
        } else if (digits.length() == 10 && !t.startsWith("+")) {
            digits = "7" + digits;
        }
        return Optional.of("+" + digits);
    }
}
