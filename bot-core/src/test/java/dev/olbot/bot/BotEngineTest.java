package dev.olbot.bot;

import dev.olbot.bot.flow.Flow;
import dev.olbot.bot.flow.Validation;
import dev.olbot.bot.routing.Intent;
import dev.olbot.bot.routing.NumberedMenu;
import dev.olbot.bot.text.Template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olbot.state.FileDialogStore;
import dev.olbot.testsupport.BotHarness;
import dev.olbot.state.InMemoryDialogStore;
import dev.olbot.state.DialogKey;
import dev.olbot.state.DialogState;
import dev.olbot.state.Owner;
import java.util.Optional;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotEngineTest {

    private BotHarness harness;

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    private BotHarness run(Bot.Builder bot) {
        harness = new BotHarness(bot.build(), new InMemoryDialogStore());
        return harness;
    }

    @Nested
    class SessionHelpers {

        @Test
        void handsTheDialogToTheOperatorQueueByNumericChatId() {
            var h = run(Bot.builder("olbot_test").on(Intent.keywords("operator", "оператор"), ctx -> {
                ctx.reply("Connecting you to an operator");
                ctx.toOperator();
            }));

            h.clientSays(6, "Оператор, пожалуйста!");

            assertThat(h.methods()).containsExactly("imbot.message.add", "imopenlines.bot.session.operator");
            assertThat(h.callsTo("imopenlines.bot.session.operator").get(0).params()).isEqualTo(Map.of("CHAT_ID", 6L));
            assertThat(h.state(6).owner()).isEqualTo(Owner.WAITING_OPERATOR);
        }

        @Test
        void treatsWrongChatFromOperatorAsAlreadyWithAnOperatorNotAsAnError() {
            var h = run(Bot.builder("olbot_test").fallback(BotContext::toOperator));
            h.failNext("imopenlines.bot.session.operator", 400, "WRONG_CHAT", "Operator is not a bot");

            h.clientSays(6, "help");

            assertThat(h.replies()).isEmpty();
            assertThat(h.state(6).owner()).isEqualTo(Owner.WAITING_OPERATOR);
            assertThat(h.state(6).failures()).isZero();
        }

        @Test
        void transfersToAUserOrAnotherLineWithUpperCaseKeysAndLeave() {
            var h = run(Bot.builder("olbot_test")
                    .on(Intent.keywords("sales"), ctx -> ctx.transferToLine(3, true))
                    .on(Intent.keywords("anna"), ctx -> ctx.transferToUser(55, false)));

            h.clientSays(6, "sales");
            h.clientSays(7, "anna");

            var transfers = h.callsTo("imopenlines.bot.session.transfer");
            assertThat(transfers.get(0).params()).isEqualTo(Map.of("CHAT_ID", 6L, "QUEUE_ID", 3L, "LEAVE", "Y"));
            assertThat(transfers.get(1).params()).isEqualTo(Map.of("CHAT_ID", 7L, "USER_ID", 55L, "LEAVE", "N"));
            assertThat(h.state(6).owner()).isEqualTo(Owner.TRANSFERRED);
        }

        @Test
        void finishesTheSessionAndSendsLineMessages() {
            var h = run(Bot.builder("olbot_test")
                    .on(Intent.keywords("hi"), BotContext::sendLineWelcome)
                    .on(Intent.keywords("bye"), ctx -> {
                        ctx.sendLineMessage("Thank you for contacting us");
                        ctx.finish();
                    }));

            h.clientSays(6, "hi");
            h.clientSays(6, "bye");

            assertThat(h.methods()).containsExactly("imopenlines.bot.session.message.send",
                    "imopenlines.bot.session.message.send", "imopenlines.bot.session.finish");
            assertThat(h.calls.get(0).params()).isEqualTo(Map.of("CHAT_ID", 6L, "NAME", "WELCOME"));
            assertThat(h.calls.get(1).params())
                    .isEqualTo(Map.of("CHAT_ID", 6L, "NAME", "DEFAULT", "MESSAGE", "Thank you for contacting us"));
            assertThat(h.state(6).owner()).isEqualTo(Owner.FINISHED);
        }

        @Test
        void createsALeadAndReadsTheSessionHistoryWithTheSessionId() {
            List<String> seen = new CopyOnWriteArrayList<>();
            var h = run(Bot.builder("olbot_test").fallback(ctx -> {
                ctx.reply("one moment");
                ctx.createLead();
                seen.add(ctx.sessionHistory().path("sessionId").asText());
            }));

            h.clientSays(6, "I want to buy");

            assertThat(h.methods()).containsExactly("imbot.message.add", "imopenlines.crm.lead.create",
                    "imopenlines.session.history.get");
            assertThat(h.callsTo("imopenlines.session.history.get").get(0).params())
                    .isEqualTo(Map.of("CHAT_ID", 6L, "SESSION_ID", 106L));
            assertThat(seen).containsExactly("106");
        }

        @Test
        void refusesSessionHelpersOutsideAnOpenLineNamingTheDialog() {
            List<String> errors = new CopyOnWriteArrayList<>();
            var h = run(Bot.builder("olbot_test").fallback(ctx -> {
                try {
                    ctx.toOperator();
                } catch (IllegalStateException e) {
                    errors.add(e.getMessage());
                }
            }));
            h.post(dev.olbot.wire.PhpForm.encode(personalMessage()));

            assertThat(errors).singleElement().asString().contains("toOperator").contains("dialog 27")
                    .contains("not an open-line chat");
            assertThat(h.calls).isEmpty();
        }

        private Map<String, Object> personalMessage() {
            Map<String, Object> body = dev.olbot.testsupport.WireEvents.openLineMessage(6, 9001, "hello",
                    dev.olbot.testsupport.WireEvents.APP_TOKEN);
            @SuppressWarnings("unchecked")
            Map<String, Object> data = new java.util.LinkedHashMap<>((Map<String, Object>) body.get("data"));
            data.put("PARAMS", Map.of("MESSAGE", "hello", "MESSAGE_TYPE", "P", "CHAT_TYPE", "P", "DIALOG_ID", "27",
                    "FROM_USER_ID", "27", "AUTHOR_ID", "27", "TO_USER_ID", "10", "MESSAGE_ID", "9001"));
            data.put("USER", Map.of("ID", "27", "NAME", "Svetlana Ivanova", "IS_CONNECTOR", "N"));
            body.put("data", data);
            return body;
        }
    }

    @Nested
    class Messages {

        @Test
        void repliesToTheDialogWithBotIdAndShowsTypingOnRequest() {
            var h = run(Bot.builder("olbot_test").fallback(ctx -> {
                ctx.typing();
                ctx.reply("Hello!");
            }));

            h.clientSays(6, "hi");

            assertThat(h.calls.get(0)).isEqualTo(new BotHarness.Call("imbot.chat.sendTyping",
                    Map.of("BOT_ID", 10L, "DIALOG_ID", "chat6")));
            assertThat(h.calls.get(1).params()).containsEntry("BOT_ID", 10L).containsEntry("DIALOG_ID", "chat6")
                    .containsEntry("MESSAGE", "Hello!").containsEntry("SYSTEM", "N").containsEntry("URL_PREVIEW", "Y");
        }

        @Test
        void showsANumberedMenuAsSendLinksAndKeyboardAndThePickedNumberRunsTheItem() {
            var h = run(Bot.builder("olbot_test")
                    .menu(NumberedMenu.named("main").header("How can we help?")
                            .item(1, "Sales", ctx -> ctx.reply("Sales it is"))
                            .item(2, "Support", ctx -> ctx.reply("Support it is")).build())
                    .onWelcome(ctx -> ctx.showMenu("main"))
                    .fallback(ctx -> ctx.reply("Please pick a number")));

            h.botJoins(6, 106);
            h.clientSays(6, "2 please");

            Map<String, Object> menu = h.calls.get(0).params();
            assertThat((String) menu.get("MESSAGE")).isEqualTo(
                    "How can we help?[br][send=1]1. Sales[/send][br][send=2]2. Support[/send]");
            assertThat(menu.get("KEYBOARD")).isEqualTo(Map.of("BUTTONS", List.of(
                    Map.of("TEXT", "1. Sales", "ACTION", "SEND", "ACTION_VALUE", "1", "DISPLAY", "LINE"),
                    Map.of("TYPE", "NEWLINE"),
                    Map.of("TEXT", "2. Support", "ACTION", "SEND", "ACTION_VALUE", "2", "DISPLAY", "LINE"))));
            assertThat(h.replies()).last().isEqualTo("Support it is");
        }

        @Test
        void answersAKeyboardCommandButtonWithTheCommandHandler() {
            var h = run(Bot.builder("olbot_test")
                    .command("help", "Help", ctx -> ctx.answerCommand(Reply.text("Help for " + ctx.match().groups().get("params"))))
                    .fallback(ctx -> ctx.reply("?")));

            h.clientPresses(6, "help", "delivery");

            assertThat(h.callsTo("imbot.command.answer")).singleElement().satisfies(c -> assertThat(c.params())
                    .containsEntry("COMMAND_ID", 77L).containsEntry("MESSAGE", "Help for delivery"));
        }

        @Test
        void escapesAClientsOwnTextWhenItIsEchoedSoItCannotInjectBbCode() {
            var h = run(Bot.builder("olbot_test").fallback(ctx ->
                    ctx.reply(Template.of("You wrote: ${text}").renderEscaped(Map.of("text", ctx.utterance().text())))));

            h.clientSays(6, "[URL=https://evil.example]click[/URL]");

            assertThat(h.replies()).containsExactly("You wrote: &#91;URL=https://evil.example&#93;click&#91;/URL&#93;");
        }

        @Test
        void rendersTemplatesWithTheClientsName() {
            var h = run(Bot.builder("olbot_test").fallback(ctx -> ctx.replyTemplate("Hello, ${clientName}!", Map.of())));

            h.clientSays(6, "hi");

            assertThat(h.replies()).containsExactly("Hello, Oleg!");
        }
    }

    @Nested
    class Ownership {

        @Test
        void goesQuietWhileAnOperatorOwnsTheDialogAndObserversStillSeeMessages() {
            List<String> observed = new CopyOnWriteArrayList<>();
            var h = run(Bot.builder("olbot_test")
                    .on(Intent.keywords("operator"), BotContext::toOperator)
                    .fallback(ctx -> ctx.reply("bot answer"))
                    .onMutedMessage(ctx -> observed.add(ctx.utterance().text())));

            h.clientSays(6, "operator");
            h.operatorSays(6, "Hello, I am Anna");
            h.clientSays(6, "Hi Anna, my order is late");

            assertThat(h.replies()).isEmpty();
            assertThat(h.state(6).owner()).isEqualTo(Owner.OPERATOR);
            assertThat(observed).containsExactly("Hello, I am Anna", "Hi Anna, my order is late");
        }

        @Test
        void answersAgainWhenANewSessionStarts() {
            var h = run(Bot.builder("olbot_test").on(Intent.keywords("operator"), BotContext::toOperator)
                    .fallback(ctx -> ctx.reply("bot answer")));
            h.clientSays(6, 106, "operator");
            h.clientSays(6, 106, "anyone?");
            assertThat(h.replies()).isEmpty();

            h.clientSays(6, 107, "hello again");

            assertThat(h.replies()).containsExactly("bot answer");
            assertThat(h.state(6).owner()).isEqualTo(Owner.BOT);
            assertThat(h.state(6).sessionId()).isEqualTo(107);
        }

        @Test
        void answersAgainWhenTheBotJoinsAgain() {
            var h = run(Bot.builder("olbot_test").on(Intent.keywords("operator"), BotContext::toOperator)
                    .onWelcome(ctx -> ctx.reply("welcome back")).fallback(ctx -> ctx.reply("bot answer")));
            h.clientSays(6, "operator");

            h.botJoins(6, 106);
            h.clientSays(6, "hi");

            assertThat(h.replies()).containsExactly("welcome back", "bot answer");
        }

        @Test
        void leavesAClientsZeroToThePlatformWhichSendsItToAnOperator() {
            var h = run(Bot.builder("olbot_test").fallback(ctx -> ctx.reply("bot answer")));

            h.clientSays(6, "0");
            h.clientSays(6, "hello?");

            assertThat(h.calls).isEmpty();
            assertThat(h.state(6).owner()).isEqualTo(Owner.WAITING_OPERATOR);
        }
    }

    @Nested
    class Precedence_ {

        @Test
        void commandBeatsKeywordBeatsRegexBeatsPredicateBeatsFuzzyBeatsFallback() {
            var h = run(Bot.builder("olbot_test")
                    .on(Intent.fuzzy(0.8, "delivery time"), ctx -> ctx.reply("fuzzy"))
                    .on(Intent.when("long text", (u, c) -> u.tokens().size() > 6), ctx -> ctx.reply("predicate"))
                    .on(Intent.regex("order\\s*(?<number>\\d+)"), ctx -> ctx.reply("regex " + ctx.match().groups().get("number")))
                    .on(Intent.keywords("order status"), ctx -> ctx.reply("keyword"))
                    .command("status", "Status", ctx -> ctx.reply("command"))
                    .fallback(ctx -> ctx.reply("fallback")));

            h.clientSays(6, "/status order 42");
            h.clientSays(6, "Order status of order 42?");
            h.clientSays(6, "where is order 42");
            h.clientSays(6, "one two three four five six seven delivery");
            h.clientSays(6, "delivry time");
            h.clientSays(6, "hmm");

            assertThat(h.replies()).containsExactly("command", "keyword", "regex 42", "predicate", "fuzzy", "fallback");
        }

        @Test
        void normalizesCaseYoPunctuationAndSpaces() {
            var h = run(Bot.builder("olbot_test").on(Intent.phrases("ещё вопрос"), ctx -> ctx.reply("yes"))
                    .fallback(ctx -> ctx.reply("no")));

            h.clientSays(6, "  ЕЩЕ   вопрос?!  ");

            assertThat(h.replies()).containsExactly("yes");
        }

        @Test
        void refusesADuplicateRegistrationNamingBoth() {
            assertThatThrownBy(() -> Bot.builder("b")
                    .on(Intent.keywords("price"), ctx -> {})
                    .on(Intent.keywords("цена", "Price!"), ctx -> {}))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("keyword 'price' is registered twice")
                    .hasMessageContaining("BotEngineTest.java:");
        }
    }

    @Nested
    class Flows {

        private Bot.Builder leadBot() {
            return Bot.builder("olbot_test")
                    .flow(Flow.named("lead")
                            .ask("name", "Your name?", Validation.name("Please write your name"))
                            .ask("phone", "Your phone?", Validation.phone("Like +7 999 123-45-67, please"))
                            .maxAttempts(2, ctx -> {
                                ctx.reply("Let me connect you to a person");
                                ctx.toOperator();
                            })
                            .timeout(Duration.ofMinutes(10), ctx -> {
                                ctx.reply("No answer, closing the dialog");
                                ctx.finish();
                            })
                            .onComplete(ctx -> {
                                ctx.replyTemplate("Thanks, ${name}! We will call ${phone}.", Map.of());
                                ctx.createLead();
                                ctx.transferToLine(3, true);
                            })
                            .build())
                    .on(Intent.keywords("buy"), ctx -> ctx.startFlow("lead"))
                    .fallback(ctx -> ctx.reply("fallback"));
        }

        @Test
        void asksValidatesStoresAndCompletes() {
            var h = run(leadBot());

            h.clientSays(6, "I want to buy");
            h.clientSays(6, "Oleg");
            h.clientSays(6, "8 (999) 123-45-67");

            assertThat(h.replies()).containsExactly("Your name?", "Your phone?", "Thanks, Oleg! We will call +79991234567.");
            assertThat(h.methods()).endsWith("imopenlines.crm.lead.create", "imopenlines.bot.session.transfer");
            assertThat(h.state(6).flowPosition()).isEmpty();
        }

        @Test
        void reAsksOnInvalidInputAndHandsOffAfterTheLimit() {
            var h = run(leadBot());

            h.clientSays(6, "buy");
            h.clientSays(6, "Oleg");
            h.clientSays(6, "no phone");
            h.clientSays(6, "still no");

            assertThat(h.replies()).containsExactly("Your name?", "Your phone?", "Like +7 999 123-45-67, please",
                    "Your phone?", "Let me connect you to a person");
            assertThat(h.methods()).last().isEqualTo("imopenlines.bot.session.operator");
        }

        @Test
        void cancelsOnACancelWord() {
            var h = run(leadBot());

            h.clientSays(6, "buy");
            h.clientSays(6, "Отмена");
            h.clientSays(6, "hello");

            assertThat(h.replies()).containsExactly("Your name?", "Хорошо, отменил. Чем ещё могу помочь?", "fallback");
        }

        @Test
        void firesTheFlowTimeoutWhenTheClockPassesItWithoutSleeping() {
            var h = run(leadBot());
            h.clientSays(6, "buy");

            h.advance(Duration.ofMinutes(9));
            assertThat(h.replies()).containsExactly("Your name?");
            h.advance(Duration.ofMinutes(2));

            assertThat(h.replies()).containsExactly("Your name?", "No answer, closing the dialog");
            assertThat(h.methods()).last().isEqualTo("imopenlines.bot.session.finish");
            assertThat(h.callsTo("imopenlines.bot.session.finish").get(0).params()).isEqualTo(Map.of("CHAT_ID", 6L));
        }

        @Test
        void survivesARestartWithTheFileStore(@TempDir Path dir) {
            Path file = dir.resolve("dialogs.jsonl");
            try (FileDialogStore store = FileDialogStore.open(file)) {
                harness = new BotHarness(leadBot().build(), store);
                harness.clientSays(6, "buy");
                harness.clientSays(6, "Oleg");
                harness.close();
            }

            try (FileDialogStore store = FileDialogStore.open(file)) {
                harness = new BotHarness(leadBot().build(), store);
                harness.clientSays(6, "+7 999 123 45 67");

                assertThat(harness.replies()).containsExactly("Thanks, Oleg! We will call +79991234567.");
            }
        }
    }

    /**
     * Another instance of the bot shares the dialog store: it saves the dialog while this
     * instance's turn runs. The turn must then run again on the fresh state — never overwrite it.
     */
    @Nested
    class ConcurrentInstances {

        /** A store where "another instance" counts one message at a chosen moment of this instance's turn. */
        final class SharedStore extends InMemoryDialogStore {
            volatile String interfereAt = "";

            private void otherInstanceCounts(DialogKey key) {
                interfereAt = "";
                DialogState s = super.get(key).orElseGet(() -> DialogState.fresh(key));
                int n = Integer.parseInt(s.vars().getOrDefault("count", "0"));
                super.save(s.withVar("count", String.valueOf(n + 1))).orElseThrow();
            }

            @Override
            public Optional<DialogState> get(DialogKey key) {
                Optional<DialogState> read = super.get(key);
                if (interfereAt.equals("afterRead") && key.dialogId().equals("chat6")) {
                    otherInstanceCounts(key);
                }
                return read;
            }

            @Override
            public Optional<DialogState> save(DialogState next) {
                if (interfereAt.equals("beforeSave") && next.key().dialogId().equals("chat6")) {
                    otherInstanceCounts(next.key());
                }
                return super.save(next);
            }
        }

        private final SharedStore store = new SharedStore();

        private BotHarness counting() {
            harness = new BotHarness(Bot.builder("olbot_test").fallback(ctx -> {
                int n = Integer.parseInt(ctx.var("count").orElse("0")) + 1;
                ctx.set("count", String.valueOf(n));
                ctx.reply("message " + n);
            }).build(), store);
            return harness;
        }

        @Test
        void aTurnWhoseDialogChangedBeforeItsFirstCallSendsNothingAndRunsAgainOnTheFreshState() {
            var h = counting();
            store.interfereAt = "afterRead";

            h.clientSays(6, "hello");

            assertThat(h.replies()).containsExactly("message 2");
            assertThat(h.state(6).vars()).containsEntry("count", "2");
        }

        @Test
        void aTurnWaitsWhileTheSharedStoreIsUnreachableAndRunsOnceItAnswers() {
            java.util.concurrent.atomic.AtomicInteger outages = new java.util.concurrent.atomic.AtomicInteger();
            InMemoryDialogStore flaky = new InMemoryDialogStore() {
                @Override
                public Optional<DialogState> get(DialogKey key) {
                    if (key.dialogId().equals("chat6") && outages.get() > 0 && outages.getAndDecrement() > 0) {
                        throw new dev.olbot.state.StoreUnavailableException("Redis did not answer", null);
                    }
                    return super.get(key);
                }
            };
            harness = new BotHarness(Bot.builder("olbot_test").fallback(ctx -> ctx.reply("answer")).build(), flaky);
            outages.set(2);

            harness.clientSays(6, "hello");

            assertThat(harness.replies()).as("no apology from the error policy, one answer").containsExactly("answer");
            assertThat(harness.state(6).failures()).isZero();
        }

        @Test
        void aTurnThatLosesTheSaveToAnotherInstanceRunsAgainInsteadOfOverwritingIt() {
            var h = counting();
            store.interfereAt = "beforeSave";

            h.clientSays(6, "hello");

            assertThat(h.state(6).vars()).as("the other instance's update is kept").containsEntry("count", "2");
            assertThat(h.state(6).version()).isEqualTo(2);
        }
    }

    @Nested
    class Errors {

        @Test
        void apologizesThenHandsOffAfterRepeatedFailures() {
            var h = run(Bot.builder("olbot_test").fallback(ctx -> {
                throw new IllegalStateException("knowledge base is down");
            }));

            h.clientSays(6, "question one");
            h.clientSays(6, "question two");

            assertThat(h.replies()).containsExactly("Sorry, something went wrong on our side. Please try again.",
                    "Sorry, I can't help right now. Connecting you to an operator.");
            assertThat(h.methods()).last().isEqualTo("imopenlines.bot.session.operator");
        }

        @Test
        void aFailedRestCallGoesThroughTheErrorPolicyToo() {
            var h = run(Bot.builder("olbot_test").errorPolicy((ctx, e, n) -> ctx.reply("policy: " + e.getMessage()))
                    .fallback(ctx -> ctx.reply("answer")));
            h.failNext("imbot.message.add", 400, "MESSAGE_EMPTY", "Message can't be empty");

            h.clientSays(6, "hi");

            assertThat(h.replies()).containsExactly("answer",
                    "policy: imbot.message.add: MESSAGE_EMPTY (Message can't be empty) [HTTP 400]");
        }

        @Test
        void middlewareWrapsEveryRoutedTurn() {
            List<String> log = new CopyOnWriteArrayList<>();
            var h = run(Bot.builder("olbot_test")
                    .use((ctx, next) -> {
                        log.add("before " + ctx.utterance().text());
                        next.proceed();
                        log.add("after");
                    })
                    .fallback(ctx -> log.add("handler")));

            h.clientSays(6, "hi");

            assertThat(log).containsExactly("before hi", "handler", "after");
        }
    }

    @Nested
    class Lifecycle {

        private final Bot bot = Bot.builder("olbot_test").name("Test bot").property("WORK_POSITION", "Support")
                .command("help", "Help", ctx -> {}).build();

        @Test
        void registersAnOpenLineBotAndItsCommandsOnInstall() {
            harness = new BotHarness(bot, new InMemoryDialogStore());

            assertThat(harness.installCalls).extracting(BotHarness.Call::method)
                    .containsExactly("imbot.bot.list", "imbot.register", "imbot.command.register");
            assertThat(harness.installCalls.get(1).params()).isEqualTo(Map.of("CODE", "olbot_test", "TYPE", "O",
                    "OPENLINE", "Y", "EVENT_HANDLER", "https://bot.example.com/bitrix/events",
                    "PROPERTIES", Map.of("NAME", "Test bot", "WORK_POSITION", "Support")));
            assertThat(harness.installCalls.get(2).params()).containsEntry("BOT_ID", 10L).containsEntry("COMMAND", "help")
                    .containsEntry("EVENT_COMMAND_ADD", "https://bot.example.com/bitrix/events");
            assertThat(harness.engine.botId(dev.olbot.testsupport.WireEvents.MEMBER_ID, "olbot_test")).contains(10L);
        }

        @Test
        void updatesInsteadOfDuplicatingWhenABotWithTheSameCodeExists() {
            harness = new BotHarness(bot, new InMemoryDialogStore(), h -> h.botList = new com.fasterxml.jackson.databind.ObjectMapper()
                    .valueToTree(Map.of("39", Map.of("ID", 39, "NAME", "Test bot", "CODE", "olbot_test", "OPENLINE", "Y"))));

            assertThat(harness.installCalls).extracting(BotHarness.Call::method)
                    .containsExactly("imbot.bot.list", "imbot.update", "imbot.command.register");
            assertThat(harness.installCalls.get(1).params()).containsEntry("BOT_ID", 39L);
            assertThat(harness.engine.botId(dev.olbot.testsupport.WireEvents.MEMBER_ID, "olbot_test")).contains(39L);
        }

        @Test
        void reportsTheFiveBotsPerAppLimitClearlyAndRegistersNothingElse() {
            harness = new BotHarness(bot, new InMemoryDialogStore(), h -> h.failNext("imbot.register", 400,
                    "MAX_COUNT_ERROR", "Has reached the maximum number of bots for application (max: 5)"));

            assertThat(harness.installCalls).extracting(BotHarness.Call::method)
                    .containsExactly("imbot.bot.list", "imbot.register");
            assertThat(harness.engine.botId(dev.olbot.testsupport.WireEvents.MEMBER_ID, "olbot_test")).isEmpty();
        }
    }
}
