package dev.olbot.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A scenario file with a mistake is refused when it is read, with one line that names the file, the
 * line and what the step needs — never a Java exception from deep inside, and never a step that
 * passes or fails for a reason nobody wrote (an empty expectation, button 0, a regular expression
 * that does not compile and would only fail mid-run).
 */
class ScenarioFileErrorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', value = {
        "#wait 999999999999999999d => t:2: not a duration: '999999999999999999d' (too long)",
        "#wait 99999999999999999999d => t:2: not a duration: '99999999999999999999d' (too long)",
        "#bot /(unclosed/ => t:2: not a regular expression: /(unclosed/ (Unclosed group)",
        "#bot = => t:2: #bot = needs the whole reply",
        "#bot ~ => t:2: #bot ~ needs a text the reply contains",
        "#bot hi || => t:2: #bot needs a text the reply contains",
        "#press 0 => t:2: #press needs a button's number, from 1, got 0",
        "#press -1 => t:2: #press needs a button's number, from 1, got -1",
        "#dialog user -5 => t:2: #dialog user needs an id above 0, got -5",
        "#keyboard Доставка | => t:2: #keyboard needs the buttons' labels, separated by |; got 'Доставка |'",
        "#keyboard => t:2: #keyboard needs the buttons' labels, separated by |; got ''",
        "#command / => t:2: #command needs a command, e.g. /help",
        "#scenario => t:2: #scenario needs a name",
        "#include => t:2: #include needs a file, relative to this one",
    })
    void namesTheLineAndWhatTheStepNeeds(String line, String message) {
        assertThatThrownBy(() -> ScenarioFile.parse("#me hi\n" + line.strip() + "\n", "t", Path.of(".")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void namesTheIncludingLineWhenTheIncludedFileCannotBeRead(@TempDir Path dir) throws Exception {
        Files.createDirectory(dir.resolve("common"));

        assertThatThrownBy(() -> ScenarioFile.parse("#me hi\n#include common\n", "t", dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("t:2: cannot read scenario ");
        assertThatThrownBy(() -> ScenarioFile.parse("#me hi\n#include missing.convo\n", "t", dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("t:2: cannot read scenario ");
    }

    @Test
    void stillReadsTheStepsItAlwaysRead() {
        Scenario s = ScenarioFile.parse("""
                #scenario ok
                #me hi
                #bot ~ Hello || /h(i|ey)/ || = Hi!
                #keyboard Доставка | Цены
                #press 2
                #command help
                #dialog user 5
                #wait 1h30m
                """, "t", Path.of("."));

        assertThat(s.name()).isEqualTo("ok");
        assertThat(s.steps()).hasSize(7);
    }

    @Test
    void refusesEveryOddLineWithALineNumberedErrorAndNothingElse() {
        String[] keywords = {"#me", "#bot", "#bot =", "#bot ~", "#keyboard", "#press", "#command", "#dialog", "#operator", "#wait",
            "#set", "#include", "#scenario", "#typing", "#lead", "#finished", "#restart", "#bot-silent", "#nonsense", "me", ""};
        String[] args = {"", " ", "0", "-1", "99999999999999999999", "999999999999999999d", "/(/", "/", "//", "|", "||", "${x}",
            "${", "user", "user 0", "line -2", "transfer", "transfer user", "say", "1h30", "5x", "queue 3", "a = b", "= ",
            "~", "\u200b", "😂", "\t", "a|b|", "../../nowhere"};
        Random random = new Random(20261202);
        List<String> escaped = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String line = keywords[random.nextInt(keywords.length)] + " " + args[random.nextInt(args.length)];
            try {
                ScenarioFile.parse("#me hi\n" + line + "\n", "t", Path.of("."));
            } catch (IllegalArgumentException e) {
                if (!e.getMessage().startsWith("t:2: ") || e.getMessage().contains("\n")) {
                    escaped.add(line + " -> " + e.getMessage());
                }
            } catch (RuntimeException e) {
                escaped.add(line + " -> " + e);
            }
        }

        assertThat(escaped).isEmpty();
    }
}
