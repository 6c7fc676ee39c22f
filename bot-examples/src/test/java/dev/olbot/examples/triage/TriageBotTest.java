package dev.olbot.examples.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olbot.testsupport.BotHarness;
import dev.olbot.state.FileDialogStore;
import dev.olbot.state.InMemoryDialogStore;
import dev.olbot.state.Owner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriageBotTest {

    /** The client's profile has a name (Oleg): the bot confirms it rather than asks. */
    static final String CONFIRM_NAME = "Вас зовут Oleg, верно? Если нет — напишите, как к вам обращаться.";

    static final TriageConfig CONFIG = TriageConfig.load(TriageConfig.DEFAULT_RESOURCE);
    static final long CHAT = 6;
    /** Saturday 13:00 in Moscow: open (sat 10:00-16:00). */
    static final Instant OPEN = Instant.parse("2026-11-21T10:00:00Z");
    /** Sunday: closed. */
    static final Instant CLOSED = Instant.parse("2026-11-22T10:00:00Z");

    BotHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    BotHarness start(Instant now) {
        h = new BotHarness(TriageBot.create(CONFIG), new InMemoryDialogStore());
        h.clock.set(now);
        return h;
    }

    @Nested
    class Branches {

        @Test
        void welcomesWithTheNumberedMenu() {
            start(OPEN).botJoins(CHAT, 100 + CHAT);

            assertThat(h.replies()).hasSize(2).first().asString().startsWith("Здравствуйте, Oleg!");
            assertThat(h.replies().get(1)).startsWith("Выберите тему обращения").contains("[send=1]1. Купить / подобрать товар[/send]", "[send=4]4. Другое[/send]");
            assertThat(h.lastButtons()).hasSize(4);
        }

        @Test
        void salesAsksNamePhoneCreatesALeadAndTransfersToTheSalesLine() {
            start(OPEN).botJoins(CHAT, 100 + CHAT);
            h.clear();

            h.clientSays(CHAT, "1");
            h.clientSays(CHAT, "Анна");
            h.clientSays(CHAT, "8 (999) 123-45-67");

            assertThat(h.replies()).containsExactly(CONFIRM_NAME, "Ваш номер телефона для связи?",
                    "Спасибо, Анна! Передаю вас в отдел продаж, консультант ответит здесь же.");
            assertThat(h.operatorNotes()).singleElement().asString().contains("name: Анна", "phone: +79991234567");
            assertThat(h.sessionCalls()).containsExactly("imopenlines.crm.lead.create", "imopenlines.bot.session.transfer");
            assertThat(h.callsTo("imopenlines.bot.session.transfer").get(0).params())
                    .isEqualTo(Map.of("CHAT_ID", CHAT, "QUEUE_ID", 3L, "LEAVE", "N"));
            assertThat(h.state(CHAT).owner()).isEqualTo(Owner.TRANSFERRED);
        }

        @Test
        void supportAsksForTheOrderNumberAndReasksAnInvalidOne() {
            start(OPEN).botJoins(CHAT, 100 + CHAT);
            h.clear();

            h.clientSays(CHAT, "2");
            h.clientSays(CHAT, "Олег");
            h.clientSays(CHAT, "12-34");
            h.clientSays(CHAT, "№ 12345678");

            assertThat(h.replies()).containsSubsequence("Номер заказа — 8 цифр, например 12345678.",
                    "Номер заказа? Он есть в письме и в SMS, 8 цифр.", "Спасибо, Олег! Передаю заказ 12345678 в службу поддержки.");
            assertThat(h.callsTo("imopenlines.bot.session.transfer").get(0).params()).containsEntry("QUEUE_ID", 4L);
            assertThat(h.callsTo("imopenlines.crm.lead.create")).hasSize(1);
        }

        @Test
        void billingReasksAnInvalidPhoneAndTransfersToTheAccountant() {
            start(OPEN).clientSays(CHAT, "здравствуйте");
            h.clear();

            h.clientSays(CHAT, "3");
            h.clientSays(CHAT, "Олег");
            h.clientSays(CHAT, "позвоните мне");
            h.clientSays(CHAT, "+7 999 123 45 67");
            h.clientSays(CHAT, "87654321");

            assertThat(h.replies()).contains("Не похоже на номер телефона. Пример: +7 999 123-45-67.");
            assertThat(h.callsTo("imopenlines.bot.session.transfer").get(0).params())
                    .isEqualTo(Map.of("CHAT_ID", CHAT, "USER_ID", 55L, "LEAVE", "N"));
        }

        @Test
        void otherGoesToTheLinesOperatorQueue() {
            start(OPEN).botJoins(CHAT, 100 + CHAT);
            h.clear();

            h.clientSays(CHAT, "4");
            h.clientSays(CHAT, "Oleg");

            assertThat(h.sessionCalls()).containsExactly("imopenlines.crm.lead.create", "imopenlines.bot.session.operator");
            assertThat(h.state(CHAT).owner()).isEqualTo(Owner.WAITING_OPERATOR);
        }

        @Test
        void aClientsZeroIsLeftToThePlatform() {
            start(OPEN).botJoins(CHAT, 100 + CHAT);
            h.clientSays(CHAT, "1");
            h.clear();

            h.clientSays(CHAT, "0");

            assertThat(h.calls).isEmpty();
            assertThat(h.state(CHAT).owner()).isEqualTo(Owner.WAITING_OPERATOR);
            assertThat(h.state(CHAT).flowPosition()).isEmpty();
        }
    }

    @Nested
    class AfterHours {

        @Test
        void takesAMessageCreatesALeadAndFinishes() {
            start(CLOSED).botJoins(CHAT, 100 + CHAT);
            h.clientSays(CHAT, "Анна");
            h.clientSays(CHAT, "+7 999 123-45-67");
            h.clientSays(CHAT, "Хочу оптовую закупку ноутбуков");

            assertThat(h.replies()).startsWith(CONFIG.afterHours().text(), CONFIRM_NAME)
                    .endsWith("Спасибо, Анна! Мы получили сообщение и перезвоним по номеру +79991234567.");
            assertThat(h.operatorNotes()).singleElement().asString().contains("message: Хочу оптовую закупку ноутбуков");
            assertThat(h.sessionCalls()).containsExactly("imopenlines.crm.lead.create", "imopenlines.bot.session.finish");
            assertThat(h.state(CHAT).owner()).isEqualTo(Owner.FINISHED);
        }

        @Test
        void followsTheScheduleInTheConfiguredZone() {
            WorkingHours hours = CONFIG.hours();

            assertThat(hours.isOpen(Instant.parse("2026-11-23T05:59:00Z"))).isFalse(); // Mon 08:59 MSK
            assertThat(hours.isOpen(Instant.parse("2026-11-23T06:00:00Z"))).isTrue(); // Mon 09:00 MSK
            assertThat(hours.isOpen(Instant.parse("2026-11-23T17:00:00Z"))).isFalse(); // Mon 20:00 MSK
        }
    }

    @Nested
    class NoOperator {

        private void handOffToSales() {
            start(OPEN).botJoins(CHAT, 100 + CHAT);
            h.clientSays(CHAT, "1");
            h.clientSays(CHAT, "Анна");
            h.clientSays(CHAT, "+79991234567");
            h.clear();
        }

        @Test
        void apologizesAndOffersToLeaveAMessageWhenNobodyAnswersInTime() {
            handOffToSales();

            h.advance(Duration.ofMinutes(4));
            assertThat(h.calls).isEmpty();
            h.advance(Duration.ofMinutes(1));

            assertThat(h.replies()).containsExactly(CONFIG.noOperator().text());
            assertThat(h.lastButtons()).containsExactly("Оставить сообщение", "Подожду");
        }

        @Test
        void leavingAMessageRunsTheMessageQuestionsAndFinishes() {
            handOffToSales();
            h.advance(Duration.ofMinutes(5));
            h.clear();

            h.clientSays(CHAT, "Оставить сообщение");
            h.clientSays(CHAT, "Анна");
            h.clientSays(CHAT, "не скажу");
            h.clientSays(CHAT, "+79991234567");
            h.clientSays(CHAT, "Перезвоните после обеда");

            assertThat(h.replies()).containsExactly(CONFIRM_NAME, "Ваш номер телефона для связи?",
                    "Не похоже на номер телефона. Пример: +7 999 123-45-67.", "Ваш номер телефона для связи?",
                    "Опишите, пожалуйста, ваш вопрос одним сообщением.",
                    "Спасибо, Анна! Мы получили сообщение и перезвоним по номеру +79991234567.");
            assertThat(h.sessionCalls()).containsExactly("imopenlines.crm.lead.create", "imopenlines.bot.session.finish");
            assertThat(h.state(CHAT).owner()).isEqualTo(Owner.FINISHED);
        }

        @Test
        void keepWaitingLeavesTheDialogWithTheQueue() {
            handOffToSales();
            h.advance(Duration.ofMinutes(5));
            h.clear();

            h.clientSays(CHAT, "Подожду");

            assertThat(h.replies()).containsExactly(CONFIG.noOperator().waiting());
            assertThat(h.sessionCalls()).isEmpty();
            assertThat(h.state(CHAT).owner()).isEqualTo(Owner.TRANSFERRED);
        }

        @Test
        void anOperatorReplyingInTimeCancelsTheApology() {
            handOffToSales();
            h.advance(Duration.ofMinutes(2));
            h.operatorSays(CHAT, "Здравствуйте, Анна! Чем помочь?");
            h.clear();

            h.advance(Duration.ofMinutes(10));

            assertThat(h.calls).isEmpty();
            assertThat(h.state(CHAT).owner()).isEqualTo(Owner.OPERATOR);
        }
    }

    @Nested
    class Restart {

        @Test
        void continuesTheBranchQuestionsAfterARestart(@TempDir Path dir) {
            Path file = dir.resolve("dialogs.jsonl");
            try (FileDialogStore store = FileDialogStore.open(file)) {
                h = new BotHarness(TriageBot.create(CONFIG), store);
                h.clock.set(OPEN);
                h.botJoins(CHAT, 100 + CHAT);
                h.clientSays(CHAT, "1");
                h.clientSays(CHAT, "Анна");
                h.close();
            }
            try (FileDialogStore store = FileDialogStore.open(file)) {
                h = new BotHarness(TriageBot.create(CONFIG), store);
                h.clock.set(OPEN);

                h.clientSays(CHAT, "+79991234567");

                assertThat(h.replies()).containsExactly("Спасибо, Анна! Передаю вас в отдел продаж, консультант ответит здесь же.");
                assertThat(h.callsTo("imopenlines.bot.session.transfer")).hasSize(1);
            }
        }
    }

    @Nested
    class Config {

        @Test
        void namesTheFieldOfABrokenConfig() {
            String broken = """
                    bot: {code: t, name: T}
                    welcome: hi
                    menuHeader: pick one
                    chooseAgain: pick
                    hours: {zone: Europe/Moscow, week: {mon: "09:00-18:00"}}
                    questions:
                      name: {ask: "Name?", check: name, error: "letters"}
                    branches:
                      - {id: sales, title: Sales, ask: [name], done: ok, transfer: {line: 3, user: 5}}
                    afterHours: {text: closed, ask: [name], done: thanks}
                    noOperator: {text: sorry, leaveMessage: leave, keepWaiting: wait, waiting: ok}
                    """;

            assertThatThrownBy(() -> TriageConfig.parse("t.yaml", broken))
                    .hasMessage("t.yaml: field 'branches[0].transfer': needs exactly one of 'line: <open line id>',"
                            + " 'user: <employee id>' or 'operator: true'");
            assertThatThrownBy(() -> TriageConfig.parse("t.yaml", broken.replace("ask: [name], done: ok", "ask: [phone], done: ok")))
                    .hasMessageContaining("field 'branches[0].ask': no question named 'phone'");
        }

        @Test
        void aSyntaxErrorNamesTheLineAndColumnInOneLine() {
            assertThatThrownBy(() -> TriageConfig.parse("t.yaml", "welcome: hi\nmenu:\n\t- a\n"))
                    .hasMessage("t.yaml:3:1: not valid YAML: found character '\\t(TAB)' that cannot start any token."
                            + " (Do not use \\t(TAB) for indentation) (while scanning for the next token)");
        }
    }
}
