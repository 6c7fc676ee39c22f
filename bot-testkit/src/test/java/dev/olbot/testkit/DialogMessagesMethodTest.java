package dev.olbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code im.dialog.messages.get}, which the turn outbox reads to learn whether a lost reply arrived. */
class DialogMessagesMethodTest extends FakeAccountTest {

    @Test
    void listsTheMessagesAfterFirstIdNewestFirstWithTheirAuthors() {
        String token = install();
        int botId = registerOpenLineBot(token, "reader");
        OpenLine line = lineWithBot(botId, 0, portal().addUser("Olga"));
        Client client = portal().client(line.id(), "Anna");
        client.says("hello").await();
        String dialog = client.chat().dialogId();
        int clientMessage = client.chat().messages().get(client.chat().messages().size() - 1).id();
        Http.oauth(fake, token, "imbot.message.add", Map.of("BOT_ID", botId, "DIALOG_ID", dialog, "MESSAGE", "first"));
        Http.oauth(fake, token, "imbot.message.add", Map.of("BOT_ID", botId, "DIALOG_ID", dialog, "MESSAGE", "second"));

        Http.Reply r = Http.oauth(fake, token, "im.dialog.messages.get", Map.of("DIALOG_ID", dialog, "FIRST_ID", clientMessage));

        assertThat(r.status()).isEqualTo(200);
        JsonNode messages = r.result().get("messages");
        assertThat(messages).extracting(m -> m.get("text").asText()).containsExactly("second", "first");
        assertThat(messages).allSatisfy(m -> assertThat(m.get("author_id").asInt()).isEqualTo(botId));
        assertThat(r.result().get("chat_id").asInt()).isEqualTo(client.chat().id());
    }

    @Test
    void refusesAnUnknownDialogAndAMissingId() {
        String token = install();

        assertThat(Http.oauth(fake, token, "im.dialog.messages.get", Map.of("DIALOG_ID", "chat999")).error()).isEqualTo("ACCESS_ERROR");
        assertThat(Http.oauth(fake, token, "im.dialog.messages.get", Map.of()).error()).isEqualTo("DIALOG_ID_EMPTY");
    }
}
