package dev.olbot.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.bot.Bot;
import dev.olbot.examples.faq.FaqBot;
import dev.olbot.examples.faq.FaqSettings;
import dev.olbot.examples.support.OddMessages;
import dev.olbot.examples.triage.TriageBot;
import dev.olbot.examples.triage.TriageConfig;
import dev.olbot.kb.KbExamples;
import dev.olbot.kb.KnowledgeBase;
import dev.olbot.state.DialogState;
import dev.olbot.state.InMemoryDialogStore;
import dev.olbot.testsupport.BotHarness;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example bots take oddly typed messages (a letter held down, words run together, emoji,
 * invisible characters, markup, very long text) in every step of their dialogs without a failed turn:
 * a failed turn would apologise to the client and, repeated, hand the dialog over.
 */
class OddMessagesTest {

    private static final KnowledgeBase KB = KnowledgeBase.load(FaqBot.KNOWLEDGE_BASE);
    private static final List<String> WORDS = KB.examples().all().stream().map(KbExamples.Example::text).toList();

    @Test
    void theFaqBotAnswersOddMessagesWithoutAFailedTurn() {
        assertThat(failedTurns(FaqBot.create(KB, FaqSettings.defaults()), 400, List.of())).isEmpty();
    }

    @Test
    void theTriageBotTakesOddMessagesInItsMenuAndFlowsWithoutAFailedTurn() {
        // each dialog first picks a topic of the menu, so the odd messages also answer the flows' questions (name, phone, order number)
        assertThat(failedTurns(TriageBot.create(TriageConfig.load(TriageConfig.DEFAULT_RESOURCE)), 400, List.of("1", "2", "3", "4", ""))).isEmpty();
    }

    /**
     * Sends {@code count} odd messages, eight to a dialog, each dialog opened by the next of {@code
     * openers} (none when empty or ""), and names every one after which a turn had failed.
     */
    private static List<String> failedTurns(Bot bot, int count, List<String> openers) {
        OddMessages messages = new OddMessages(WORDS, 20261202);
        List<String> failed = new ArrayList<>();
        try (BotHarness h = new BotHarness(bot, new InMemoryDialogStore())) {
            h.clock.set(Instant.parse("2026-11-21T10:00:00Z")); // Saturday 13:00 in Moscow: the triage line is open
            long chat = 1000;
            for (int i = 0; i < count; i++) {
                if (i % 8 == 0) {
                    chat++;
                    h.botJoins(chat, chat + 100_000);
                    String opener = openers.isEmpty() ? "" : openers.get((i / 8) % openers.size());
                    if (!opener.isEmpty()) {
                        h.clientSays(chat, opener);
                    }
                }
                String message = messages.next();
                h.clientSays(chat, message);
                DialogState state = h.state(chat);
                if (state != null && state.failures() > 0) {
                    failed.add("dialog " + chat + ": \"" + message + "\"");
                    chat++; // a fresh dialog, so the next failure is counted on its own
                    h.botJoins(chat, chat + 100_000);
                }
            }
        }
        return failed;
    }
}
