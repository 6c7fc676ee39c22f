package dev.olbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CrmChatMethodsTest extends OpenLineFixture {

    private java.util.Map<String, Object> deal(Object... more) {
        java.util.Map<String, Object> m = map("CRM_ENTITY_TYPE", "deal", "CRM_ENTITY", 42);
        m.putAll(map(more));
        return m;
    }

    @Nested
    class Chats {
        @Test
        void aDealFindsTheChatsBoundToIt() {
            portal().bindCrm(anna.chat(), "DEAL", 42);
            Http.Reply r = asApp("imopenlines.crm.chat.get", deal());
            assertThat(r.result()).hasSize(1);
            assertThat(r.result().get(0).get("CHAT_ID").asText()).isEqualTo(String.valueOf(anna.chat().id()));
            assertThat(r.result().get(0).get("CONNECTOR_TITLE").asText()).isEqualTo("Live Chat");
            assertThat(asApp("imopenlines.crm.chat.getLastId", deal()).result().asInt()).isEqualTo(anna.chat().id());
        }

        @Test
        void theLeadTheOperatorCreatedBindsTheChat() {
            as(olga, "imopenlines.operator.answer", chat());
            as(olga, "imopenlines.crm.lead.create", chat());
            Http.Reply r = asApp("imopenlines.crm.chat.get", map("CRM_ENTITY_TYPE", "LEAD", "CRM_ENTITY", anna.chat().crmEntity("LEAD")));
            assertThat(r.result()).hasSize(1);
        }

        @Test
        void activeOnlyLeavesOutFinishedDialogs() {
            portal().bindCrm(anna.chat(), "DEAL", 42);
            asApp("imopenlines.operator.another.finish", chat());
            assertThat(asApp("imopenlines.crm.chat.get", deal("ACTIVE_ONLY", "Y")).result()).isEmpty();
        }

        @Test
        void anEntityWithoutChatsHasNoLastId() {
            assertError(asApp("imopenlines.crm.chat.getLastId", deal()), 400, "CRM_CHAT_EMPTY_CRM_DATA", "Could not find CRM object");
            assertError(asApp("imopenlines.crm.chat.get", map("CRM_ENTITY_TYPE", "deal", "CRM_ENTITY", "x")), 400, "ERROR_ARGUMENT",
                    "The value of an argument 'CRM_ENTITY' has an invalid type");
        }
    }

    @Nested
    class Users {
        @Test
        void addAndRemoveAnEmployee() {
            portal().bindCrm(anna.chat(), "DEAL", 42);
            int pavel = portal().addUser("Pavel");
            assertThat(asApp("imopenlines.crm.chat.user.add", deal("USER_ID", pavel)).result().asInt()).isEqualTo(anna.chat().id());
            assertThat(anna.chat().members()).contains(pavel);
            assertError(asApp("imopenlines.crm.chat.user.add", deal("USER_ID", pavel)), 400, "WRONG_REQUEST",
                    "You don't have access or user already member in chat");
            asApp("imopenlines.crm.chat.user.delete", deal("USER_ID", pavel));
            assertThat(anna.chat().members()).doesNotContain(pavel);
        }

        @Test
        void aChatOfAnotherEntityIsRefused() {
            assertError(asApp("imopenlines.crm.chat.user.add", deal("USER_ID", olga, "CHAT_ID", anna.chat().id())), 400,
                    "CHAT_NOT_IN_CRM", "Chat does not belong to the CRM object being checked");
            assertThat(asApp("imopenlines.crm.chat.user.add", deal("USER_ID", olga)).result().asInt()).isZero();
        }
    }

    @Nested
    class Messages {
        @Test
        void aMemberWritesIntoTheEntitysChat() {
            portal().bindCrm(anna.chat(), "DEAL", 42);
            as(olga, "imopenlines.operator.answer", chat());
            int id = asApp("imopenlines.crm.message.add", deal("USER_ID", olga, "CHAT_ID", anna.chat().id(), "MESSAGE", "Your order shipped"))
                    .result().asInt();
            assertThat(portal().chat(anna.chat().id()).orElseThrow().messages()).anySatisfy(m -> {
                assertThat(m.id()).isEqualTo(id);
                assertThat(m.text()).isEqualTo("Your order shipped");
            });
        }

        @Test
        void aNonMemberIsCanceled() {
            portal().bindCrm(anna.chat(), "DEAL", 42);
            int pavel = portal().addUser("Pavel");
            assertError(asApp("imopenlines.crm.message.add", deal("USER_ID", pavel, "CHAT_ID", anna.chat().id(), "MESSAGE", "x")), 400,
                    "CANCELED", "You cannot send messages to the specified chat");
        }

        @Test
        void quickAnswersPersist() {
            int messageId = anna.chat().messages().get(0).id();
            assertThat(asApp("imopenlines.message.quick.save", map("CHAT_ID", anna.chat().id(), "MESSAGE_ID", messageId))
                    .result().asBoolean()).isTrue();
            assertThat(portal().quickAnswers()).containsExactly("hello");
            assertError(asApp("imopenlines.message.quick.save", map("CHAT_ID", anna.chat().id(), "MESSAGE_ID", 1)), 400,
                    "CANT_SAVE_QUICK_ANSWER", "Error saving quick answer");
        }
    }
}
