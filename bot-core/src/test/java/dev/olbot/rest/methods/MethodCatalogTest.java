package dev.olbot.rest.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MethodCatalogTest {

    static final List<String> REQUIRED_METHODS = List.of(
            "imbot.register", "imbot.update", "imbot.unregister", "imbot.bot.list", "imbot.message.add",
            "imbot.message.update", "imbot.message.delete", "imbot.chat.sendTyping", "imbot.command.register",
            "imbot.command.answer", "imbot.command.update", "imbot.command.unregister", "imbot.chat.user.add",
            "imbot.chat.leave", "imbot.dialog.get",
            "imbot.v2.Bot.register", "imbot.v2.Bot.update", "imbot.v2.Bot.unregister", "imbot.v2.Bot.list",
            "imbot.v2.Event.get", "imbot.v2.Chat.Message.send", "imbot.v2.Chat.Message.update",
            "imbot.v2.Chat.Message.delete", "imbot.v2.Chat.InputAction.notify", "imbot.v2.Command.answer",
            "imopenlines.bot.session.message.send", "imopenlines.bot.session.operator",
            "imopenlines.bot.session.transfer", "imopenlines.bot.session.finish",
            "imopenlines.config.add", "imopenlines.config.get", "imopenlines.config.list.get", "imopenlines.config.update",
            "imopenlines.config.delete", "imopenlines.config.path.get", "imopenlines.network.join",
            "imopenlines.revision.get", "imopenlines.dialog.get", "imopenlines.session.history.get",
            "imopenlines.session.start", "imopenlines.session.open", "imopenlines.session.join",
            "imopenlines.session.intercept", "imopenlines.session.mode.pin", "imopenlines.session.mode.pinAll",
            "imopenlines.session.mode.unpinAll", "imopenlines.session.mode.silent", "imopenlines.session.head.vote",
            "imopenlines.message.session.start", "imopenlines.crm.lead.create", "imopenlines.operator.answer",
            "imopenlines.operator.finish", "imopenlines.operator.another.finish", "imopenlines.operator.skip",
            "imopenlines.operator.spam", "imopenlines.operator.transfer", "imopenlines.crm.chat.get",
            "imopenlines.crm.chat.getLastId", "imopenlines.crm.chat.user.add", "imopenlines.crm.chat.user.delete",
            "imopenlines.crm.message.add", "imopenlines.message.quick.save",
            "imconnector.register", "imconnector.activate", "imconnector.status", "imconnector.connector.data.set",
            "imconnector.list", "imconnector.unregister", "imconnector.send.messages", "imconnector.update.messages",
            "imconnector.delete.messages", "imconnector.send.status.delivery", "imconnector.send.status.reading",
            "imconnector.chat.name.set");

    @Nested
    class Coverage {

        @Test
        void describesEveryMethodOfTheBrief() {
            assertThat(MethodCatalog.all()).extracting(MethodSpec::name).containsExactlyInAnyOrderElementsOf(REQUIRED_METHODS);
        }

        @Test
        void citesADocumentationPageForEveryMethod() {
            assertThat(MethodCatalog.all()).allSatisfy(spec ->
                    assertThat(spec.doc()).startsWith("api-reference/").endsWith(".md"));
        }

        @Test
        void declaresTheResultShapeTheDocumentedExampleHas() {
            for (MethodSpec spec : MethodCatalog.all()) {
                JsonNode result = RecordingCaller.documentedResult(spec.name());
                boolean matches = switch (spec.result()) {
                    case BOOLEAN -> result.isBoolean();
                    case ID -> result.isIntegralNumber();
                    case OBJECT, MAP_BY_ID -> result.isObject();
                    case ARRAY -> result.isArray();
                };
                assertThat(matches).as("%s declared %s, documented %s", spec.name(), spec.result(), result).isTrue();
            }
        }

        @Test
        void marksListAndGetMethodsAsReads() {
            assertThat(MethodCatalog.all()).filteredOn(s -> s.name().matches(".*\\.(get|list|getLastId|status|list\\.get)$"))
                    .isNotEmpty().allSatisfy(s -> assertThat(s.access()).as(s.name()).isEqualTo(Access.READ));
            assertThat(MethodCatalog.get("imbot.message.add").access()).isEqualTo(Access.WRITE);
        }
    }

    @Nested
    class Lookup {

        @Test
        void findsAMethodByExactNameOrIgnoringCase() {
            assertThat(MethodCatalog.find("imbot.v2.Event.get")).map(MethodSpec::name).contains("imbot.v2.Event.get");
            assertThat(MethodCatalog.find("IMBOT.V2.EVENT.GET")).map(MethodSpec::name).contains("imbot.v2.Event.get");
        }

        @Test
        void reportsAnUnknownMethodAsAbsentAndLetsItsParamsPass() {
            assertThat(MethodCatalog.find("user.get")).isEmpty();
            assertThat(MethodCatalog.validate("user.get", Map.of())).isFalse();
            assertThatThrownBy(() -> MethodCatalog.get("user.get")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("user.get");
        }

        @Test
        void listsTheCredentialAmongTheKnownParams() {
            assertThat(MethodCatalog.get("imopenlines.bot.session.transfer").knownParams())
                    .containsExactly("CHAT_ID", "USER_ID", "QUEUE_ID", "TRANSFER_ID", "LEAVE", "CLIENT_ID");
            assertThat(MethodCatalog.get("imbot.v2.Event.get").auth().param()).contains("botToken");
            assertThat(MethodCatalog.get("imopenlines.operator.answer").auth()).isEqualTo(AuthNeed.NONE);
        }
    }

    @Nested
    class Validation {

        @Test
        void namesTheMissingRequiredField() {
            assertThatThrownBy(() -> MethodCatalog.validate("imopenlines.bot.session.transfer", Map.of("USER_ID", 12)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("imopenlines.bot.session.transfer: CHAT_ID is required");
        }

        @Test
        void namesTheAlternativesWhenNoneIsGiven() {
            assertThatThrownBy(() -> MethodCatalog.validate("imopenlines.bot.session.transfer", Map.of("CHAT_ID", 112)))
                    .hasMessage("imopenlines.bot.session.transfer: USER_ID or QUEUE_ID or TRANSFER_ID is required");
            assertThatThrownBy(() -> MethodCatalog.validate("imbot.message.add", Map.of("MESSAGE", "hi", "FROM_USER_ID", 1)))
                    .hasMessage("imbot.message.add: DIALOG_ID or FROM_USER_ID and TO_USER_ID is required");
        }

        @Test
        void checksNestedFields() {
            Map<String, Object> noName = Map.of("CODE", "bot", "EVENT_HANDLER", "https://h", "PROPERTIES", Map.of("COLOR", "RED"));
            assertThatThrownBy(() -> MethodCatalog.validate("imbot.register", noName))
                    .hasMessage("imbot.register: PROPERTIES.NAME or PROPERTIES.LAST_NAME is required");
            Map<String, Object> lastNameOnly = Map.of("CODE", "bot", "EVENT_HANDLER", "https://h", "PROPERTIES", Map.of("LAST_NAME", "Bot"));
            assertThat(MethodCatalog.validate("imbot.register", lastNameOnly)).isTrue();
        }

        @Test
        void acceptsEventHandlerInPlaceOfTheThreeRequiredHandlerUrls() {
            Map<String, Object> separate = Map.of("CODE", "bot", "EVENT_MESSAGE_ADD", "https://h", "EVENT_WELCOME_MESSAGE",
                    "https://h", "PROPERTIES", Map.of("NAME", "Bot"));
            assertThatThrownBy(() -> MethodCatalog.validate("imbot.register", separate))
                    .hasMessage("imbot.register: EVENT_HANDLER or EVENT_BOT_DELETE is required");
        }

        @Test
        void treatsBlankAndEmptyValuesAsMissing() {
            assertThatThrownBy(() -> MethodCatalog.validate("imopenlines.session.open", Map.of("USER_CODE", " ")))
                    .hasMessage("imopenlines.session.open: USER_CODE is required");
            assertThatThrownBy(() -> MethodCatalog.validate("imbot.chat.user.add", Map.of("CHAT_ID", 5, "USERS", List.of())))
                    .hasMessage("imbot.chat.user.add: USERS is required");
        }

        @Test
        void rejectsAChatIdThatIsNotAPositiveInteger() {
            for (Object bad : List.of(0, -4, "chat112", "0")) {
                assertThatThrownBy(() -> MethodCatalog.validate("imopenlines.bot.session.finish", Map.of("CHAT_ID", bad)))
                        .as("CHAT_ID=%s", bad)
                        .hasMessage("imopenlines.bot.session.finish: CHAT_ID must be an integer > 0 (was " + bad + ")");
            }
            assertThat(MethodCatalog.validate("imopenlines.bot.session.finish", Map.of("CHAT_ID", "112"))).isTrue();
        }

        @Test
        void everySessionHelperRequiresChatId() {
            assertThat(BotSessionSpecs.ALL).allSatisfy(spec -> assertThatThrownBy(() -> spec.validate(Map.of()))
                    .hasMessage(spec.name() + ": CHAT_ID is required"));
        }

        @Test
        void passesTheDocumentedExampleRequests() {
            Map<String, Map<String, Object>> examples = Map.of(
                    "imopenlines.bot.session.transfer", Map.of("CHAT_ID", 112, "USER_ID", 12, "LEAVE", "N"),
                    "imopenlines.crm.message.add", Map.of("CRM_ENTITY_TYPE", "lead", "CRM_ENTITY", 1195, "USER_ID", 27,
                            "CHAT_ID", 1341, "MESSAGE", "Message text"),
                    "imconnector.activate", Map.of("CONNECTOR", "myconnector", "LINE", 107, "ACTIVE", "1"),
                    "imbot.v2.Event.get", Map.of("botId", 456, "botToken", "my_bot_token", "offset", 1000, "limit", 50));
            examples.forEach((method, params) -> assertThat(MethodCatalog.validate(method, params)).as(method).isTrue());
        }
    }

    @Test
    void hasNoDuplicateNames() {
        assertThat(MethodCatalog.all().stream().collect(Collectors.groupingBy(MethodSpec::name, Collectors.counting())))
                .allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
    }
}
