package dev.olbot.examples;

import dev.olbot.bot.Bot;
import dev.olbot.examples.faq.FaqBot;
import dev.olbot.examples.faq.FaqSettings;
import dev.olbot.kb.KnowledgeBase;
import dev.olbot.examples.triage.TriageBot;
import dev.olbot.examples.triage.TriageConfig;
import dev.olbot.testkit.scenario.BotTestKit;
import dev.olbot.state.FileDialogStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/** The example bots by name, and the embedded-account setup each needs ({@code chat}, {@code scenario}). */
public enum ExampleBots {
    FAQ, TRIAGE, QUICKSTART;

    /** Parses {@code faq} / {@code triage}. */
    public static ExampleBots named(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown bot '" + name + "': use faq, triage or quickstart");
        }
    }

    /** Builds the bot from its shipped config, or from {@code config} when given. */
    public Bot create(Path config) {
        return switch (this) {
            case FAQ -> FaqBot.create(config == null ? KnowledgeBase.load(FaqBot.KNOWLEDGE_BASE)
                    : KnowledgeBase.load(config), FaqSettings.defaults());
            case TRIAGE -> TriageBot.create(config == null ? TriageConfig.load(TriageConfig.DEFAULT_RESOURCE)
                    : TriageConfig.load(config));
            case QUICKSTART -> dev.olbot.examples.quickstart.QuickStartBot.create();
        };
    }

    /**
     * The embedded account this bot expects: the triage config transfers to lines 3 and 4 and to
     * user 55, so the embedded portal has them.
     */
    public Consumer<BotTestKit.Options> embedded(Path config) {
        Bot bot = create(config);
        Path dialogs = tempStore();
        Consumer<BotTestKit.Options> common = o -> o.bot(bot).store(() -> FileDialogStore.open(dialogs));
        return switch (this) {
            case FAQ, QUICKSTART -> common;
            case TRIAGE -> common.andThen(o -> o.line("Line 2").line("Sales").line("Service").employeesUpTo(55));
        };
    }

    /** Dialogs in a file, so a restart in the middle of a flow behaves as in production. */
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
