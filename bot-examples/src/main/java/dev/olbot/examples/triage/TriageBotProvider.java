package dev.olbot.examples.triage;

import dev.olbot.bot.Bot;
import dev.olbot.bot.BotProvider;
import java.nio.file.Path;
import java.util.Optional;

/** {@code olbot chat triage}: the triage bot on its shipped config, or on the one given with {@code --bot-config}. */
public final class TriageBotProvider implements BotProvider {

    @Override
    public String name() {
        return "triage";
    }

    @Override
    public String description() {
        return "menu, questions, lead and transfer from a YAML config (--bot-config triage.yaml)";
    }

    @Override
    public Bot create(Optional<Path> config) {
        return TriageBot.create(config.map(TriageConfig::load).orElseGet(() -> TriageConfig.load(TriageConfig.DEFAULT_RESOURCE)));
    }

    /** The shipped config transfers to lines 3 and 4 and to user 55, so the embedded account has them. */
    @Override
    public void prepare(TestAccount account) {
        account.line("Line 2").line("Sales").line("Service").employeesUpTo(55);
    }
}
