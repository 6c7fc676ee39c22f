package com.acme;

import dev.olbot.bot.Bot;
import dev.olbot.bot.BotProvider;
import dev.olbot.bot.routing.Intent;
import java.nio.file.Path;
import java.util.Optional;

/** A team's own bot, built against the installed OLBot artifacts only. */
public final class ShopBot implements BotProvider {

    @Override
    public String name() {
        return "shop";
    }

    @Override
    public Bot create(Optional<Path> config) {
        return create();
    }

    public static Bot create() {
        return Bot.builder("acme_shop").name("ACME shop")
                .onWelcome(ctx -> ctx.reply("Welcome to ACME! Ask about delivery or write 'operator'."))
                .on(Intent.keywords("delivery"), ctx -> ctx.reply("ACME delivers tomorrow."))
                .on(Intent.keywords("operator"), ctx -> {
                    ctx.reply("One moment, a person will answer.");
                    ctx.toOperator();
                })
                .fallback(ctx -> ctx.reply("Write 'delivery' or 'operator'."))
                .build();
    }
}
