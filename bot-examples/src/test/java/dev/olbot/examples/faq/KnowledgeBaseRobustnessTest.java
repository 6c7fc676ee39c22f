package dev.olbot.examples.faq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.examples.support.OddMessages;
import dev.olbot.kb.KbExamples;
import dev.olbot.kb.KbMatch;
import dev.olbot.kb.KnowledgeBase;
import dev.olbot.kb.KnowledgeBaseIndex;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whatever a client types, the shipped FAQ matcher decides without an error ("ааааааа", "заказзаказ"
 * and "paypay" once threw: a word read as one known term written twice).
 */
class KnowledgeBaseRobustnessTest {

    @Test
    void decidesEveryOddlyTypedMessageWithoutAnError() {
        KnowledgeBase kb = KnowledgeBase.load(FaqBot.KNOWLEDGE_BASE);
        KnowledgeBaseIndex index = KnowledgeBaseIndex.of(kb);
        OddMessages messages = new OddMessages(kb.examples().all().stream().map(KbExamples.Example::text).toList(), 20261202);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String message = messages.next();
            try {
                KbMatch m = index.match(message);
                if (m == null) {
                    failures.add("null for \"" + message + "\"");
                }
            } catch (RuntimeException e) {
                failures.add(e + " for \"" + message + "\"");
            }
        }

        assertThat(failures).isEmpty();
    }
}
