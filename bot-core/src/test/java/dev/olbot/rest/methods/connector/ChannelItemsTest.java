package dev.olbot.rest.methods.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olbot.event.ChannelMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChannelItemsTest {

    @Nested
    class Incoming {
        @Test
        void buildsTheDocumentedUserMessageChatBlocks() {
            Map<String, Object> item = ChannelItems.incoming(ExternalUser.id("visitor-7").name("Anna").lastName("Petrova-Smith"),
                    ExternalChat.id("conv-1").name("Widget"), "m-1", "Hello!", Instant.ofEpochSecond(1772359200));

            assertThat(item).containsOnlyKeys("user", "message", "chat");
            assertThat(item.get("user")).isEqualTo(Map.of("id", "visitor-7", "name", "Anna", "last_name", "Petrova-Smith"));
            assertThat(item.get("message")).isEqualTo(Map.of("id", "m-1", "date", 1772359200L, "text", "Hello!"));
            assertThat(item.get("chat")).isEqualTo(Map.of("id", "conv-1", "name", "Widget"));
        }

        @Test
        void refusesWhatThePlatformRefuses() {
            assertThatThrownBy(() -> ExternalUser.id(" ")).hasMessage("user.id is required");
            assertThatThrownBy(() -> ExternalUser.id("u").name("R2D2")).hasMessageStartingWith("user.name must be letters");
            assertThatThrownBy(() -> ExternalUser.id("u").lastName("x".repeat(26))).hasMessageContaining("at most 25");
            assertThatThrownBy(() -> ChannelItems.incoming(ExternalUser.id("u"), ExternalChat.id("c"), "m", " ", null))
                    .hasMessageStartingWith("message.text is required");
            assertThatThrownBy(() -> ChannelItems.incomingFiles(ExternalUser.id("u"), ExternalChat.id("c"), "m", null,
                    List.of(Map.of("name", "a.png")))).hasMessage("message.files[].url is required");
        }
    }

    @Nested
    class Status {
        @Test
        void echoesTheBitrixIdsOfTheEventWithTheChannelsId() {
            ChannelMessage sent = new ChannelMessage(Optional.of(1807L), Optional.of(86497L), Optional.of(27L), List.of(), "channel-123",
                    Optional.of("Hi"));

            assertThat(ChannelItems.status(sent, "out-1")).isEqualTo(Map.of("im", Map.of("chat_id", 1807L, "message_id", 86497L),
                    "message", Map.of("id", List.of("out-1")), "chat", Map.of("id", "channel-123")));
        }
    }
}
