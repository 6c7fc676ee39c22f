package dev.olbot.bot;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * SPI: supplies a {@link Bot} to the {@code olbot} launcher ({@code chat}, {@code scenario}, {@code serve}).
 * An implementation is found by its class name ({@code olbot chat --bot com.acme.ShopBot}), or through
 * {@link java.util.ServiceLoader} by its {@link #name()} when it is listed in
 * {@code META-INF/services/dev.olbot.bot.BotProvider} of a jar on the class path or given with {@code --jar}.
 * The shipped example bots are found the same way. Implementations need a public no-argument constructor.
 *
 * <pre>{@code
 * public final class ShopBot implements BotProvider {
 *     public Bot create(Optional<Path> config) {
 *         return Bot.builder("shop_bot").name("Shop").fallback(ctx -> ctx.reply("Hi!")).build();
 *     }
 * }
 * }</pre>
 */
public interface BotProvider {

    /** The name the launcher knows the bot by ({@code olbot chat NAME}); by default the class name in lower case. */
    default String name() {
        return getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    /** One line for {@code olbot --help} listings. */
    default String description() {
        return getClass().getName();
    }

    /**
     * Builds the bot. {@code config} is the bot's own configuration file given with {@code --bot-config};
     * empty means the bot's built-in one. A broken file throws {@link IllegalArgumentException} naming the
     * file and what is wrong in it.
     */
    Bot create(Optional<Path> config);

    /**
     * What the embedded fake account needs for this bot in {@code olbot chat} and {@code olbot scenario}:
     * the lines and employees the bot transfers to. Nothing by default (one line with the bot and an operator).
     */
    default void prepare(TestAccount account) {}

    /** The parts of the embedded test account a bot can ask for. */
    interface TestAccount {

        /** Another open line (ids follow the bot's own line 1: 2, 3, ...), with the operator in its queue. */
        TestAccount line(String name);

        /** Employees up to user {@code id}, for a bot that transfers to a given user. */
        TestAccount employeesUpTo(int id);
    }
}
