package dev.olbot.bot.routing;

import java.util.Map;

/** The result of matching an utterance: a hit with a score and captured groups, or a miss — never null. */
public sealed interface Match {

    Match MISS = new Miss();

    static Match hit(double score) {
        return new Hit(score, Map.of(), "");
    }

    static Match hit(double score, Map<String, String> groups, String matched) {
        return new Hit(score, groups, matched);
    }

    /**
     * @param score   1.0 for an exact match; the similarity for fuzzy matches
     * @param groups  named and numbered regex groups, the picked menu item ({@code item}), ...
     * @param matched the phrase, pattern or item that matched
     */
    record Hit(double score, Map<String, String> groups, String matched) implements Match {}

    record Miss() implements Match {}
}
