package dev.olbot.examples.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olbot.examples.cli.Olbot;
import dev.olbot.examples.triage.TriageBotProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Save as scenario" keeps what the operator did, so the saved file replays the same dialog. */
class EmulatorScenarioTest {

    @Test
    void anOperatorsTransferToAnotherLineIsSavedAsAStepAndTheScenarioReplays(@TempDir Path dir) throws Exception {
        TriageBotProvider triage = new TriageBotProvider();
        String saved;
        try (Emulator emulator = Emulator.start(triage.create(Optional.empty()), triage)) {
            emulator.says(0, "здравствуйте");
            emulator.presses(0, 4);
            emulator.says(0, "Иван");
            emulator.operatorAccepts(0);
            emulator.operatorTransfers(0, 0, 3);
            saved = emulator.scenario(0);
        }

        assertThat(saved).contains("#operator accept\n#dialog operator\n#operator transfer line 3\n#dialog line 3\n");
        Path file = Files.writeString(dir.resolve("saved.convo"), saved);
        assertThat(Olbot.run(new String[] {"scenario", "--bot", "triage", file.toString()})).isZero();
    }
}
