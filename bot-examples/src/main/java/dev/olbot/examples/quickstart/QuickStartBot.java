package dev.olbot.examples.quickstart;

import dev.olbot.bot.Bot;
import dev.olbot.bot.routing.Intent;
import dev.olbot.server.BotServer;
import dev.olbot.server.ServerConfig;
import java.util.List;
import java.util.Optional;

/** The README's ten-line bot, compiled and tested like every other example. */
public final class QuickStartBot {

    private QuickStartBot() {}

    // README:begin
    public static Bot create() {
        return Bot.builder("shop_bot").name("Shop assistant")
                .onWelcome(ctx -> ctx.reply("Hi! Ask me about delivery or prices, or write 'operator'."))
                .on(Intent.greetings(), ctx -> ctx.reply("Hello! Delivery, prices, or a person?"))
                .on(Intent.keywords("delivery", "доставка"), ctx -> ctx.reply("We deliver in 1–3 days."))
                .on(Intent.fuzzy("how much does it cost", "сколько стоит"), ctx -> ctx.reply("Plans start at 10 € a month."))
                .on(Intent.keywords("operator", "оператор"), ctx -> {
                    ctx.reply("Connecting you to a person…");
                    ctx.toOperator();
                })
                .fallback(ctx -> ctx.reply("Sorry, I did not get that. Write 'operator' for a person."))
                .build();
    }

    public static void main(String[] args) {
        BotServer.start(List.of(create()), ServerConfig.load(Optional.empty(), System.getenv()));
    }
    // README:end
}
