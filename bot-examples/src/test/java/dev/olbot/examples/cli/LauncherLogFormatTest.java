package dev.olbot.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The launcher's logback.xml: a turn's MDC ids on its lines, as text or (OLBOT_LOG_FORMAT=json) as JSON. */
class LauncherLogFormatTest {

    /** Configures a fresh logback context from the launcher's logback.xml and logs two lines, one inside a turn. */
    private static String log(String format) throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext ctx = new LoggerContext();
        ctx.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            if (format != null) {
                ctx.putProperty("OLBOT_LOG_FORMAT", format);
            }
            // the launcher's chat sets the system property OLBOT_LOG=WARN in-process; this test is about the format
            ctx.putProperty("OLBOT_LOG", "INFO");
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(ctx);
            configurator.doConfigure(LauncherLogFormatTest.class.getClassLoader().getResource("logback.xml"));
            ctx.getLogger("dev.olbot.examples.Shop").info("outside a turn");
            ctx.getMDCAdapter().put("olbot.portal", "a1b2c3");
            ctx.getMDCAdapter().put("olbot.dialog", "chat5");
            ctx.getLogger("dev.olbot.examples.Shop").info("order {} found", 42);
            ctx.getMDCAdapter().clear();
        } finally {
            ctx.stop();
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Nested
    class Text {

        @Test
        void showsTheTurnsIdsOnlyOnTheTurnsLines() throws Exception {
            String[] lines = log(null).split("\n");

            assertThat(lines).hasSize(2);
            assertThat(lines[0]).endsWith("dev.olbot.examples.Shop - outside a turn");
            assertThat(lines[1]).endsWith("dev.olbot.examples.Shop portal=a1b2c3 dialog=chat5 - order 42 found");
        }
    }

    @Nested
    class Json {

        @Test
        void writesOneObjectPerLineWithTheIdsInMdcAndTheFormattedMessage() throws Exception {
            String[] lines = log("json").split("\n");

            assertThat(lines).hasSize(2);
            JsonNode turn = new ObjectMapper().readTree(lines[1]);
            assertThat(turn.path("level").asText()).isEqualTo("INFO");
            assertThat(turn.path("formattedMessage").asText()).isEqualTo("order 42 found");
            assertThat(turn.path("mdc").path("olbot.dialog").asText()).isEqualTo("chat5");
            assertThat(turn.path("mdc").path("olbot.portal").asText()).isEqualTo("a1b2c3");
            assertThat(new ObjectMapper().readTree(lines[0]).path("mdc").size()).isZero();
        }
    }
}
