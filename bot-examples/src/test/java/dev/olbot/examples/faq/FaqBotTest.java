package dev.olbot.examples.faq;

import dev.olbot.kb.KnowledgeBase;
import dev.olbot.kb.KnowledgeBaseException;
import dev.olbot.kb.KbEntry;
import dev.olbot.kb.LocalText;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olbot.testsupport.BotHarness;
import dev.olbot.state.InMemoryDialogStore;
import dev.olbot.state.Owner;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FaqBotTest {

    static final KnowledgeBase KB = KnowledgeBase.load(FaqBot.KNOWLEDGE_BASE);
    static final long CHAT = 6;

    BotHarness h;

    @BeforeEach
    void start() {
        h = new BotHarness(FaqBot.create(KB, FaqSettings.defaults()), new InMemoryDialogStore());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Nested
    class Welcome {

        @Test
        void greetsWithTheTopQuestionsAsButtons() {
            h.botJoins(CHAT, 100 + CHAT);

            assertThat(h.replies()).singleElement().asString().startsWith("Здравствуйте!");
            assertThat(h.lastButtons()).containsExactly("Сколько идёт доставка?", "Где мой заказ?", "Какие способы оплаты?",
                    "Как вернуть товар?");
        }

        @Test
        void aPressedTopQuestionIsAnswered() {
            h.botJoins(CHAT, 100 + CHAT);
            h.clear();

            h.clientSays(CHAT, "Где мой заказ?");

            assertThat(h.replies()).singleElement().asString().startsWith("Статус заказа и трек-номер");
        }

        @Test
        void refusesTopQuestionsTheKnowledgeBaseDoesNotHave() {
            assertThatThrownBy(() -> FaqBot.create(KB, FaqSettings.builder().topQuestions("delivery-time", "teleport").build()))
                    .hasMessageContaining("'teleport'").hasMessageContaining("faq/knowledge-base.yaml");
        }
    }

    @Nested
    class Answers {

        @Test
        void answersInRussianWithTheEntrysButtonsAndLinks() {
            h.clientSays(CHAT, "сколько стоит доставка до дома?");

            assertThat(h.replies()).singleElement().asString()
                    .startsWith("Доставка курьером — 390 ₽")
                    .contains("[url=https://techmarket.example.com/delivery]Условия доставки[/url]");
        }

        @Test
        void answersInEnglishWhenTheClientWritesEnglish() {
            h.clientSays(CHAT, "How do I return an item I bought?");

            assertThat(h.replies()).singleElement().asString().startsWith("You can return an item in good condition");
            assertThat(h.lastButtons()).containsExactly("Start a return", "When do I get my money back?");
        }

        @Test
        void toleratesTyposAndWordOrder() {
            h.clientSays(CHAT, "пароль забыл как востановить");
            h.clientSays(CHAT, "cancel my subscribtion");

            assertThat(h.replies()).satisfiesExactly(
                    r -> assertThat(r).startsWith("Нажмите «Забыли пароль?»"),
                    r -> assertThat(r).startsWith("Open “Subscription” in your account"));
        }

        @Test
        void asksDidYouMeanWithBothCandidatesWhenTheyAreClose() {
            h.clientSays(CHAT, "доставка");

            assertThat(h.replies()).containsExactly("Уточните, пожалуйста, что вы имели в виду:");
            assertThat(h.lastButtons()).hasSizeBetween(2, 3).contains("Сколько идёт доставка?", "Сколько стоит доставка?");
        }

        @Test
        void aDidYouMeanButtonAnswersItsEntry() {
            h.clientSays(CHAT, "доставка");
            h.clear();

            h.clientSays(CHAT, "Сколько стоит доставка?");

            assertThat(h.replies()).singleElement().asString().startsWith("Доставка курьером — 390 ₽");
        }
    }

    @Nested
    class Handoff {

        @Test
        void aFirstMissAsksToRephrase() {
            h.clientSays(CHAT, "а кот у вас есть?");

            assertThat(h.replies()).singleElement().asString().startsWith("Извините, я не нашёл ответа");
            assertThat(h.sessionCalls()).isEmpty();
            assertThat(h.state(CHAT).owner()).isEqualTo(Owner.BOT);
        }

        @Test
        void twoMissesInARowGoToTheOperatorWithANoteTheClientDoesNotSee() {
            h.clientSays(CHAT, "а кот у вас есть?");
            h.clientSays(CHAT, "а послезавтра?");

            assertThat(h.replies()).last().asString().startsWith("Соединяю вас с оператором");
            assertThat(h.operatorNotes()).singleElement().asString()
                    .contains("бот не нашёл ответа").contains("«а кот у вас есть?»; «а послезавтра?»");
            assertThat(h.callsTo("imopenlines.bot.session.operator")).singleElement()
                    .satisfies(c -> assertThat(c.params()).isEqualTo(Map.of("CHAT_ID", CHAT)));
            assertThat(h.methods()).endsWith("imbot.message.add", "imbot.message.add", "imopenlines.bot.session.operator");
            assertThat(h.state(CHAT).owner()).isEqualTo(Owner.WAITING_OPERATOR);
        }

        @Test
        void anAnswerInBetweenResetsTheMisses() {
            h.clientSays(CHAT, "а кот у вас есть?");
            h.clientSays(CHAT, "сроки доставки");
            h.clientSays(CHAT, "а послезавтра?");

            assertThat(h.sessionCalls()).isEmpty();
        }

        @Test
        void aClientAskingForAPersonGoesToTheOperatorAtOnce() {
            h.clientSays(CHAT, "позовите живого оператора пожалуйста");

            assertThat(h.replies()).containsExactly("Соединяю вас с оператором, он ответит в ближайшее время.");
            assertThat(h.operatorNotes()).singleElement().asString().contains("клиент попросил оператора");
            assertThat(h.sessionCalls()).containsExactly("imopenlines.bot.session.operator");
        }

        @Test
        void understandsTheRequestInEnglish() {
            h.clientSays(CHAT, "can I talk to a human agent");

            assertThat(h.replies()).containsExactly("Connecting you to an operator; they will answer shortly.");
            assertThat(h.sessionCalls()).containsExactly("imopenlines.bot.session.operator");
        }

        @Test
        void personalDataIsAQuestionNotARequestForAPerson() {
            h.clientSays(CHAT, "how do you store my personal data");

            assertThat(h.sessionCalls()).isEmpty();
            assertThat(h.replies()).singleElement().asString().startsWith("We process personal data");
        }

        @Test
        void staysQuietOnceAnOperatorHasTheDialog() {
            h.clientSays(CHAT, "оператор");
            h.clear();

            h.clientSays(CHAT, "сроки доставки");

            assertThat(h.calls).isEmpty();
        }
    }

    @Nested
    class Closing {

        @Test
        void thanksGetsAClosingAnswerAndAYesNoQuestion() {
            h.clientSays(CHAT, "Спасибо большое!");

            assertThat(h.replies()).containsExactly("Рад был помочь! Можно закрыть чат?");
            assertThat(h.lastButtons()).containsExactly("Да", "Нет, ещё вопрос");
        }

        @Test
        void yesFinishesTheSession() {
            h.clientSays(CHAT, "спасибо, всё понятно");
            h.clear();

            h.clientSays(CHAT, "Да");

            assertThat(h.replies()).containsExactly("Спасибо за обращение! Хорошего дня.");
            assertThat(h.sessionCalls()).containsExactly("imopenlines.bot.session.finish");
            assertThat(h.state(CHAT).owner()).isEqualTo(Owner.FINISHED);
        }

        @Test
        void noKeepsTheChatOpen() {
            h.clientSays(CHAT, "thanks");
            h.clear();

            h.clientSays(CHAT, "No, one more question");

            assertThat(h.replies()).containsExactly("Sure, go ahead.");
            assertThat(h.sessionCalls()).isEmpty();
            assertThat(h.state(CHAT).owner()).isEqualTo(Owner.BOT);
        }

        @Test
        void anotherQuestionInsteadOfAnAnswerIsAnsweredAndYesLaterDoesNotClose() {
            h.clientSays(CHAT, "пока");
            h.clientSays(CHAT, "а сроки доставки какие?");
            h.clear();

            h.clientSays(CHAT, "да");

            assertThat(h.sessionCalls()).isEmpty();
        }

        @Test
        void thanksWithAQuestionIsAQuestion() {
            h.clientSays(CHAT, "спасибо, а как оплатить картой?");

            assertThat(h.replies()).singleElement().asString().startsWith("Принимаем карты Visa");
        }
    }
}
