package dev.olbot.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LineConfigMethodsTest extends OpenLineFixture {

    @Nested
    class AddUpdateDelete {
        @Test
        void addCreatesALineWithTheDocumentedQueueFormat() {
            int id = asApp("imopenlines.config.add", map("PARAMS", map("LINE_NAME", "Sales",
                    "QUEUE", list(map("ENTITY_TYPE", "user", "ENTITY_ID", String.valueOf(olga)))))).result().asInt();
            assertThat(portal().line(id).name()).isEqualTo("Sales");
            assertThat(portal().line(id).queueUserIds()).containsExactly(olga);
        }

        @Test
        void updateChangesTheQueueAndWelcomeBotOfTheNextSession() {
            int pavel = portal().addUser("Pavel");
            asApp("imopenlines.config.update", map("CONFIG_ID", line.id(), "PARAMS", map("QUEUE", list(pavel),
                    "WELCOME_BOT_ENABLE", "N")));
            asApp("imopenlines.operator.another.finish", chat());
            anna.says("one more question").await();
            assertThat(anna.chat().owner()).isEqualTo(OpenLineChat.Owner.QUEUE);
            assertThat(anna.chat().operatorId()).isEqualTo(pavel);
        }

        @Test
        void aNewWelcomeBotTimeHandsTheNextSessionToTheQueueThen() {
            asApp("imopenlines.config.update", map("CONFIG_ID", line.id(), "PARAMS", map("WELCOME_BOT_TIME", 60)));
            asApp("imopenlines.operator.another.finish", chat());
            anna.says("back again").await();
            assertThat(anna.chat().owner()).isEqualTo(OpenLineChat.Owner.BOT);
            fake.clock().advance(java.time.Duration.ofSeconds(61));
            assertThat(anna.chat().owner()).isEqualTo(OpenLineChat.Owner.QUEUE);
        }

        @Test
        void onlyTheAdminMayChangeOrDeleteALine() {
            assertError(as(olga, "imopenlines.config.update", map("CONFIG_ID", line.id(), "PARAMS", map("LINE_NAME", "x"))), 403,
                    "CONFIG_WRONG_USER_PERMISSION", "Permission denied");
            assertError(asApp("imopenlines.config.delete", map()), 400, "CONFIG_ID_EMPTY", "Config ID can't be empty");
            assertThat(asApp("imopenlines.config.delete", map("CONFIG_ID", line.id())).result().asBoolean()).isTrue();
            assertThat(asApp("imopenlines.config.get", map("CONFIG_ID", line.id())).result().asBoolean()).isFalse();
        }
    }

    @Nested
    class PathRevisionNetwork {
        @Test
        void pathAndRevisionAnswerTheDocumentedShapes() {
            assertThat(asApp("imopenlines.config.path.get", map()).result().get("SERVER_ADDRESS").asText())
                    .isEqualTo("https://" + portal().domain());
            assertThat(asApp("imopenlines.revision.get", map()).result().get("rest").asInt()).isEqualTo(2);
        }

        @Test
        void joiningAnotherPortalsLineAnswersTheSameNetworkBotTwice() {
            OpenLine partner = fake.portal("partner").addLine("Partner support", l -> {});
            int bot = asApp("imopenlines.network.join", map("CODE", partner.networkCode())).result().asInt();
            assertThat(asApp("imopenlines.network.join", map("CODE", partner.networkCode())).result().asInt()).isEqualTo(bot);
            assertThat(portal().user(bot)).hasValueSatisfying(u -> assertThat(u.bot()).isTrue());
        }

        @Test
        void aWrongOrUnknownCodeIsRejected() {
            assertError(asApp("imopenlines.network.join", map("CODE", "short")), 400, "CODE", "You entered an invalid code");
            assertError(asApp("imopenlines.network.join", map("CODE", "0".repeat(32))), 400, "NOT_FOUND", "Line not found");
            OpenLine closed = fake.portal("partner").addLine("Closed", l -> l.set("ACTIVE", false));
            assertError(asApp("imopenlines.network.join", map("CODE", closed.networkCode())), 400, "INACTIVE", "Openline is inactive");
        }
    }
}
