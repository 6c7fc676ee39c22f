package dev.olbot.examples.faq;

import dev.olbot.bot.Bot;
import dev.olbot.bot.BotProvider;
import dev.olbot.kb.KnowledgeBase;
import java.nio.file.Path;
import java.util.Optional;

/** {@code olbot chat faq}: the FAQ bot on its shipped knowledge base, or on the one given with {@code --bot-config}. */
public final class FaqBotProvider implements BotProvider {

    @Override
    public String name() {
        return "faq";
    }

    @Override
    public String description() {
        return "answers from a YAML knowledge base (--bot-config knowledge-base.yaml)";
    }

    @Override
    public Bot create(Optional<Path> config) {
        KnowledgeBase kb = config.map(KnowledgeBase::load).orElseGet(() -> KnowledgeBase.load(FaqBot.KNOWLEDGE_BASE));
        return FaqBot.create(kb, FaqSettings.defaults());
    }
}
