package dev.olbot.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.rest.internal.MethodKinds;
import dev.olbot.rest.internal.Secrets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MethodKindsTest {

    @Nested
    class Reads {

        @ParameterizedTest
        @ValueSource(strings = {"imopenlines.dialog.get", "imbot.bot.list", "imopenlines.config.list.get",
            "imopenlines.session.history.get", "crm.lead.list", "user.get", "profile"})
        void mayBeSentAgainAfterATimeout(String method) {
            assertThat(MethodKinds.isRead(method)).isTrue();
        }
    }

    @Nested
    class Writes {

        @ParameterizedTest
        @ValueSource(strings = {"imbot.message.add", "imopenlines.crm.lead.create", "imbot.register", "imopenlines.bot.session.transfer",
            "imopenlines.bot.session.finish", "imopenlines.bot.session.operator", "imopenlines.bot.session.message.send",
            "imbot.v2.Chat.Message.send", "imbot.v2.Event.get", "imbot.chat.sendTyping", "batch"})
        void areNeverSentAgainAfterATimeout(String method) {
            assertThat(MethodKinds.isRead(method)).isFalse();
        }
    }

    @Nested
    class Batching {

        @ParameterizedTest
        @ValueSource(strings = {"batch", "disk.folder.uploadfile", "disk.storage.uploadfile"})
        void goAlone(String method) {
            assertThat(MethodKinds.isBatchable(method)).isFalse();
        }
    }

    @Nested
    class Masking {

        @ParameterizedTest
        @ValueSource(strings = {
            "https://oauth.bitrix.info/oauth/token/?grant_type=refresh_token&client_id=app.1&client_secret=S3CR3T&refresh_token=S3CR3T",
            "https://portal.example/rest/1/S3CR3T/imbot.message.add",
            "GET /rest/crm.lead.get?auth=S3CR3T"})
        void hidesSecretsInUrls(String url) {
            assertThat(Secrets.mask(url)).doesNotContain("S3CR3T").contains("***");
        }
    }
}
