package dev.olbot.examples.cli;

import dev.olbot.bot.Bot;
import dev.olbot.bot.BotProvider;
import dev.olbot.state.FileDialogStore;
import dev.olbot.testkit.scenario.BotTestKit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The embedded fake account a provided bot runs on in {@code chat} and {@code scenario}. */
public final class EmbeddedAccount {

    private EmbeddedAccount() {}

    /**
     * Kit options for {@code bot}: the lines and employees its provider asks for, and dialogs in a file so a
     * restart in the middle of a flow behaves as in production.
     */
    public static Consumer<BotTestKit.Options> of(Bot bot, BotProvider provider) {
        Path dialogs = tempStore();
        return o -> {
            o.bot(bot).store(() -> FileDialogStore.open(dialogs));
            provider.prepare(o);
        };
    }

    private static Path tempStore() {
        try {
            Path dir = Files.createTempDirectory("olbot-");
            dir.toFile().deleteOnExit();
            Path file = dir.resolve("dialogs.jsonl");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
