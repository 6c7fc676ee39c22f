package dev.olbot.kb;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One knowledge-base entry: how clients ask (question variants per language), the answer, and
 * optional buttons and links shown under it.
 *
 * @param questions variants per language; the first one of a language is the canonical question
 *                  (a "did you mean" or welcome button sends it)
 */
public record KbEntry(String id, Map<String, List<String>> questions, LocalText answer, List<KbButton> buttons,
        List<KbLink> links) {

    public KbEntry {
        questions = Map.copyOf(questions);
        buttons = List.copyOf(buttons);
        links = List.copyOf(links);
    }

    /** The canonical question in {@code language} (falls back to any language). */
    public String title(String language) {
        List<String> q = questions.get(language);
        if (q == null || q.isEmpty()) {
            q = questions.getOrDefault("ru", questions.values().iterator().next());
        }
        return q.get(0);
    }

    /** A button: a label and either a link to open or a question the button sends. */
    public record KbButton(LocalText label, Optional<String> link, Optional<LocalText> send) {}

    /** A link appended to the answer. */
    public record KbLink(LocalText title, String url) {}
}
