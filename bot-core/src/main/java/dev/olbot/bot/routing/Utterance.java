package dev.olbot.bot.routing;

import dev.olbot.event.Command;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the client said, ready for matching: the raw text, its normalized form (lower case, {@code ё}
 * as {@code е}, punctuation removed, spaces collapsed — the same for Russian and English), its
 * tokens, and the command when the client typed {@code /cmd}, pressed a command button or picked a
 * menu item.
 */
public record Utterance(String text, String normalized, List<String> tokens, Optional<String> command, String commandParams,
        Command.Context context) {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    public static Utterance of(String text) {
        String raw = text == null ? "" : text.strip();
        if (raw.startsWith("/") && raw.length() > 1 && Character.isLetterOrDigit(raw.charAt(1))) {
            int space = raw.indexOf(' ');
            String cmd = (space < 0 ? raw.substring(1) : raw.substring(1, space)).toLowerCase(Locale.ROOT);
            String params = space < 0 ? "" : raw.substring(space + 1).strip();
            return new Utterance(raw, normalize(raw), tokens(raw), Optional.of(cmd), params, Command.Context.TEXTAREA);
        }
        return new Utterance(raw, normalize(raw), tokens(raw), Optional.empty(), "", Command.Context.TEXTAREA);
    }

    public static Utterance command(String command, String params, Command.Context context) {
        String c = command.startsWith("/") ? command.substring(1) : command;
        String text = "/" + c + (params == null || params.isBlank() ? "" : " " + params);
        return new Utterance(text, normalize(text), tokens(text), Optional.of(c.toLowerCase(Locale.ROOT)),
                params == null ? "" : params.strip(), context);
    }

    /** Lower case, {@code ё}→{@code е}, accents and punctuation removed, single spaces, trimmed. */
    public static String normalize(String s) {
        if (s == null) {
            return "";
        }
        String lower = s.toLowerCase(Locale.ROOT).replace('ё', 'е');
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD)
                .replaceAll("(?<=[\\p{IsLatin}])\\p{M}+", "");
        decomposed = Normalizer.normalize(decomposed, Normalizer.Form.NFC);
        return NON_WORD.matcher(decomposed).replaceAll(" ").strip();
    }

    private static List<String> tokens(String s) {
        String n = normalize(s);
        return n.isEmpty() ? List.of() : List.of(n.split(" "));
    }

    /** The first token, or empty. */
    public String firstToken() {
        return tokens.isEmpty() ? "" : tokens.get(0);
    }
}
