package dev.olbot.testkit.junit;

import dev.olbot.bot.BotProvider;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The bot a test class runs when it uses {@code @ExtendWith(BotTestKitExtension.class)}: a {@link BotProvider}
 * with a public no-argument constructor, built with its default configuration, on an account prepared as the
 * provider asks ({@link BotProvider#prepare}).
 *
 * <pre>{@code
 * @ExtendWith(BotTestKitExtension.class)
 * @WithBot(ShopBot.class)
 * class ShopBotTest {
 *     @Test
 *     void answersDelivery(BotTestKit kit) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface WithBot {

    Class<? extends BotProvider> value();

    /** One kit for all tests of the class instead of a fresh one per test. */
    boolean perClass() default false;
}
