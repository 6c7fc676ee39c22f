package dev.olbot.testkit.scenario;

import java.util.List;
import java.util.regex.Pattern;

/** How an expected bot message is compared with the one that came. */
public sealed interface TextMatch {

    boolean test(String actual);

    /** How the expectation reads in a failure message. */
    String describe();

    static TextMatch equalTo(String text) {
        return new Equals(text);
    }

    static TextMatch contains(String text) {
        return new Contains(text);
    }

    static TextMatch matches(String regex) {
        return new Regex(regex);
    }

    static TextMatch anyOf(TextMatch... options) {
        return new AnyOf(List.of(options));
    }

    record Equals(String text) implements TextMatch {
        public boolean test(String actual) {
            return text.strip().equals(actual == null ? null : actual.strip());
        }

        public String describe() {
            return "equal to \"" + text + "\"";
        }
    }

    /** Case-insensitive substring. */
    record Contains(String text) implements TextMatch {
        public boolean test(String actual) {
            return actual != null && actual.toLowerCase().contains(text.toLowerCase());
        }

        public String describe() {
            return "containing \"" + text + "\"";
        }
    }

    /** A regular expression found anywhere in the message (DOTALL); one that does not compile is refused when built. */
    record Regex(String regex) implements TextMatch {
        public Regex {
            try {
                Pattern.compile(regex, Pattern.DOTALL);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException("not a regular expression: /" + regex + "/ (" + e.getDescription() + ")", e);
            }
        }

        public boolean test(String actual) {
            return actual != null && Pattern.compile(regex, Pattern.DOTALL).matcher(actual).find();
        }

        public String describe() {
            return "matching /" + regex + "/";
        }
    }

    record AnyOf(List<TextMatch> options) implements TextMatch {
        public AnyOf {
            options = List.copyOf(options);
        }

        public boolean test(String actual) {
            return options.stream().anyMatch(o -> o.test(actual));
        }

        public String describe() {
            return "any of " + options.stream().map(TextMatch::describe).reduce((a, b) -> a + " | " + b).orElse("");
        }
    }
}
