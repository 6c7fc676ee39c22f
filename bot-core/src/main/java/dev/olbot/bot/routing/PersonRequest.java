package dev.olbot.bot.routing;

import dev.olbot.bot.Bot;
import dev.olbot.bot.BotContext;
import dev.olbot.bot.Handler;
import dev.olbot.bot.text.BotTexts;
import dev.olbot.bot.text.Language;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "I want a human": a client's message with one of the words (any inflection: "оператора",
 * "humans") reaches the operator from anywhere — inside a flow (which it leaves), with a menu shown,
 * before any intent. Commands still run first. The default words are Russian and English; the
 * default handler says {@link BotTexts#PERSON_HANDOFF} in the client's language and hands an
 * open-line dialog to the operator queue. {@code Bot.Builder.personRequest(PersonRequest.none())}
 * turns it off. Immutable.
 */
public final class PersonRequest {

    /** The default words. */
    public static final List<String> DEFAULT_WORDS = List.of("оператор", "человек", "менеджер", "специалист", "сотрудник",
            "консультант", "живой", "operator", "human", "agent", "person", "manager", "representative");

    /** Words before a person word that make it a head count, not a request ("сколько человек"). */
    private static final Set<String> QUANTITY = Set.of("сколько", "скольких", "скольки", "несколько", "нескольких", "много",
            "многих", "мало", "пара", "пару", "пары", "двух", "двое", "трех", "трое", "четырех", "четверо", "пяти", "шести",
            "семи", "восьми", "девяти", "десяти", "двадцати", "тридцати", "сотни", "тысячи", "каждого", "каждый", "каждому",
            "per", "each", "every", "many", "few", "several", "couple", "two", "three", "four", "five", "ten");

    private static final PersonRequest NONE = new PersonRequest(List.of(), ctx -> {});

    private final List<String> words;
    private final Set<String> terms;
    private final Handler handler;

    private PersonRequest(List<String> words, Handler handler) {
        this.words = List.copyOf(words);
        this.terms = words.stream().map(Utterance::normalize).collect(Collectors.toUnmodifiableSet());
        this.handler = Objects.requireNonNull(handler);
    }

    /** The default words and handler. */
    public static PersonRequest defaults() {
        return of(DEFAULT_WORDS);
    }

    /** Other words, the default handler. Fails on an empty list. */
    public static PersonRequest of(List<String> words) {
        if (words.isEmpty() || words.stream().anyMatch(w -> Utterance.normalize(w).isEmpty())) {
            throw new IllegalArgumentException("PersonRequest: the words must not be empty: " + words);
        }
        return new PersonRequest(words, PersonRequest::handOff);
    }

    /** No person requests: the words go to the intents like any message. */
    public static PersonRequest none() {
        return NONE;
    }

    /**
     * The same words, another handler (e.g. one that also leaves a note for the operator; when the
     * client was in a flow, {@code ctx.answers()} holds what it had collected).
     */
    public PersonRequest then(Handler handler) {
        return new PersonRequest(words, handler);
    }

    public List<String> words() {
        return words;
    }

    public Handler handler() {
        return handler;
    }

    /**
     * True when a word of the message is one of the words or an inflection of it, and not a head count
     * after a number or a word of quantity ("на сколько человек", "per person"): a Russian ending of
     * up to three letters ("оператора", "менеджером"), an English plural ("humans"). Not a Snowball
     * stem: "personal" stems to "person" but asks for no one.
     */
    public boolean matches(Utterance u) {
        List<String> tokens = u.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (isWord(tokens.get(i)) && !counted(tokens, i)) {
                return true;
            }
        }
        return false;
    }

    private boolean isWord(String token) {
        for (String w : terms) {
            if (token.equals(w)) {
                return true;
            }
            if (token.startsWith(w)) {
                String rest = token.substring(w.length());
                boolean cyrillic = Language.detect(w).filter("ru"::equals).isPresent();
                if (cyrillic ? rest.length() <= 3 && Language.detect(rest).filter("ru"::equals).isPresent() : rest.equals("s")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the word at {@code i} counts people rather than asks for one: after a number or a
     * word of quantity ("на сколько человек", "на 5 человек", "для двух человек", "per person").
     */
    private static boolean counted(List<String> tokens, int i) {
        if (i == 0) {
            return false;
        }
        String before = tokens.get(i - 1);
        boolean numberWithEnding = i >= 2 && before.length() <= 2 && tokens.get(i - 2).chars().allMatch(Character::isDigit);
        return before.chars().allMatch(Character::isDigit) || numberWithEnding || QUANTITY.contains(before);
    }

    private static void handOff(BotContext ctx) {
        if (ctx.dialog().isOpenLine()) {
            ctx.reply(BotTexts.PERSON_HANDOFF.in(ctx.language()));
            ctx.toOperator();
        } else {
            ctx.reply(BotTexts.NO_OPERATOR_HERE.in(ctx.language()));
        }
    }
}
