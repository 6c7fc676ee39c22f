package dev.olbot.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void aClientsLineBreaksAndEscapeSequencesCannotForgeTerminalLines() {
        assertThat(Printable.oneLine("hi\n14:00:00  bot: fake\r\u001b[2J\\"))
                .isEqualTo("hi\\n14:00:00  bot: fake\\r\\u001b[2J\\\\");
    }

    @Test
    void ordinaryTextStaysAsItIs() {
        assertThat(Printable.oneLine("Здравствуйте, Anna! [b]ok[/b]")).isEqualTo("Здравствуйте, Anna! [b]ok[/b]");
    }
}
