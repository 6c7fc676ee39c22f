package dev.olbot.bot.routing;

import dev.olbot.bot.BotContext;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * Factories for the matchers an intent is registered with: {@code bot.on(Intent.keywords("price",
 * "цена"), ctx -> ...)}. Which matcher wins when several match is decided in {@link Precedence}.
 */
public final class Intent {

    private Intent() {}

    /**
     * Matches when the message contains one of the keywords or phrases as whole words, after
     * normalization (case, {@code ё}/{@code е}, punctuation, spaces): {@code keywords("where is my
     * order")} matches "Where is my order??".
     */
    public static Matcher keywords(String... keywords) {
        List<String> keys = normalizedKeys(keywords);
        return new Simple(Precedence.KEYWORD, keys, "keyword " + quoted(keys), (u, ctx) -> {
            String padded = " " + u.normalized() + " ";
            for (String k : keys) {
                if (padded.contains(" " + k + " ")) {
                    return Match.hit(1.0, Map.of(), k);
                }
            }
            return Match.MISS;
        });
    }

    /** Matches when the whole normalized message equals one of the phrases. */
    public static Matcher phrases(String... phrases) {
        List<String> keys = normalizedKeys(phrases);
        return new Simple(Precedence.KEYWORD, keys, "phrase " + quoted(keys), (u, ctx) ->
                keys.contains(u.normalized()) ? Match.hit(1.0, Map.of(), u.normalized()) : Match.MISS);
    }

    /**
     * A bare greeting in Russian or English ("привет", "здравствуйте", "добрый день", "hello",
     * "hi", "good morning", ...). In open lines the client's first message is often just that, and
     * it arrives right after the bot's own welcome — a bot usually wants to stay quiet then rather
     * than answer with a fallback.
     */
    public static Matcher greetings() {
        return phrases("привет", "приветствую", "здравствуйте", "здравствуй", "добрый день", "добрый вечер", "доброе утро",
                "доброй ночи", "хай", "hello", "hi", "hey", "hi there", "hello there", "good morning", "good afternoon",
                "good evening");
    }

    /**
     * Matches when the pattern is found in the raw message text; numbered groups are in
     * {@code ctx.match().groups()} as "1", "2", ... and named groups by name.
     */
    public static Matcher regex(String pattern) {
        java.util.Objects.requireNonNull(pattern, "regex intent: pattern");
        Pattern p;
        try {
            p = Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("regex intent '" + pattern + "' at " + caller() + " does not compile: "
                    + e.getDescription() + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""), e);
        }
        List<String> names = groupNames(pattern);
        return new Simple(Precedence.REGEX, List.of(pattern), "regex '" + pattern + "'", (u, ctx) -> {
            java.util.regex.Matcher m = p.matcher(u.text());
            if (!m.find()) {
                return Match.MISS;
            }
            Map<String, String> groups = new HashMap<>();
            for (int i = 1; i <= m.groupCount(); i++) {
                if (m.group(i) != null) {
                    groups.put(Integer.toString(i), m.group(i));
                }
            }
            for (String name : names) {
                if (m.group(name) != null) {
                    groups.put(name, m.group(name));
                }
            }
            return Match.hit(1.0, groups, m.group());
        });
    }

    /**
     * Matches the bot command {@code name}: typed as {@code /name args}, pressed as a keyboard
     * button with {@code COMMAND=name}, or picked from a message menu. The command's parameters are
     * in {@code ctx.match().groups().get("params")}.
     */
    public static Matcher command(String name) {
        java.util.Objects.requireNonNull(name, "command intent: name");
        String key = (name.startsWith("/") ? name.substring(1) : name).strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("command intent at " + caller() + ": a command is one word, like 'help' or '/help'; got '"
                    + name + "'");
        }
        return new Simple(Precedence.COMMAND, List.of(key), "command '/" + key + "'", (u, ctx) ->
                u.command().filter(key::equals).isPresent()
                        ? Match.hit(1.0, Map.of("params", u.commandParams()), "/" + key)
                        : Match.MISS);
    }

    /**
     * Matches messages similar to one of the phrases at the documented default threshold
     * {@value FuzzyIndex#DEFAULT_THRESHOLD} (see {@link #fuzzy(double, String...)}).
     */
    public static Matcher fuzzy(String... phrases) {
        return fuzzy(FuzzyIndex.DEFAULT_THRESHOLD, phrases);
    }

    /**
     * Matches messages similar to one of the phrases: typos, word order and word endings are
     * tolerated, stop words and greetings ignored (see {@link FuzzyIndex}, the knowledge base's
     * scorer). Among fuzzy intents the best score wins.
     *
     * @param threshold minimum confidence in [0, 1]; {@value FuzzyIndex#DEFAULT_THRESHOLD} is the
     *                  calibrated default ("who are you" does not match "when are you open")
     * @throws IllegalArgumentException when the threshold is outside 0..1 or there is no phrase
     */
    public static Matcher fuzzy(double threshold, String... phrases) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("fuzzy " + Arrays.toString(phrases) + ": threshold must be in 0..1, got "
                    + threshold + " (the calibrated default is " + FuzzyIndex.DEFAULT_THRESHOLD + ")");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (String p : phrases) {
            map.put(p, p);
        }
        List<String> keys = normalizedKeys(phrases);
        FuzzyIndex<String> index = FuzzyIndex.of(map);
        return new Simple(Precedence.FUZZY, keys, "fuzzy " + quoted(keys), (u, ctx) -> {
            var ranked = index.rank(u.text(), threshold);
            return ranked.isEmpty() ? Match.MISS : Match.hit(ranked.get(0).score(), Map.of(), ranked.get(0).phrase());
        });
    }

    /** Matches when the predicate says so. {@code name} identifies it in messages and duplicates. */
    public static Matcher when(String name, BiPredicate<Utterance, BotContext> predicate) {
        return new Simple(Precedence.PREDICATE, List.of(name), "predicate '" + name + "'", (u, ctx) ->
                predicate.test(u, ctx) ? Match.hit(1.0, Map.of(), name) : Match.MISS);
    }

    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().equals(Intent.class.getName()))
                .findFirst()
                .map(f -> f.getFileName() + ":" + f.getLineNumber())
                .orElse("?"));
    }

    private static List<String> normalizedKeys(String... raw) {
        if (raw.length == 0) {
            throw new IllegalArgumentException("an intent needs at least one phrase");
        }
        List<String> keys = Arrays.stream(raw).map(Utterance::normalize).distinct().toList();
        if (keys.contains("")) {
            throw new IllegalArgumentException("a phrase is empty after normalization: " + Arrays.toString(raw));
        }
        return keys;
    }

    private static String quoted(List<String> keys) {
        return keys.stream().map(k -> "'" + k + "'").reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static List<String> groupNames(String pattern) {
        java.util.regex.Matcher m = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>").matcher(pattern);
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private record Simple(Precedence kind, List<String> keys, String describe, MatchFunction fn) implements Matcher {
        @Override
        public Match match(Utterance utterance, BotContext ctx) {
            return fn.apply(utterance, ctx);
        }
    }

    @FunctionalInterface
    private interface MatchFunction {
        Match apply(Utterance u, BotContext ctx);
    }
}
