package dev.olbot.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KnowledgeBaseWarningsTest {

    private static KnowledgeBase base(String... questions) {
        return KnowledgeBase.of("kb.yaml", List.of(new KbEntry("delivery-cost", Map.of("ru", List.of(questions)),
                LocalText.of("Доставка 300 ₽"), List.of(), List.of())), List.of());
    }

    @Nested
    class GenericQuestions {
        @Test
        void namesTheEntryAndTheQuestionThatReducesToOneGenericWord() {
            assertThat(base("сколько доставка", "Сколько стоит?").warnings()).singleElement().asString()
                    .startsWith("kb.yaml: entry 'delivery-cost': the question 'Сколько стоит?' says only generic words [")
                    .doesNotContain("\n");
        }

        @Test
        void acceptsAQuestionWithAWordOfItsTopic() {
            assertThat(base("сколько стоит доставка", "how much is shipping").warnings()).isEmpty();
        }

        @Test
        void escapesControlCharactersOfTheQuestion() {
            assertThat(base("купить\nсегодня время").warnings()).singleElement().asString().contains("купить\\nсегодня");
        }
    }
}
