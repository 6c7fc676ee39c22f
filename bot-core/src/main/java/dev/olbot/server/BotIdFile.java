package dev.olbot.server;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bots' ids per portal ({@code portal/code → id}) in the data folder, so that after a restart
 * timers fire for the right bot and fetch-mode pollers start again before any event arrives.
 */
final class BotIdFile {

    private static final Logger log = LoggerFactory.getLogger(BotIdFile.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private Map<String, Long> saved = Map.of();

    BotIdFile(Path file) {
        this.file = file;
    }

    synchronized Map<String, Long> load() {
        if (!Files.exists(file)) {
            return Map.of();
        }
        try {
            saved = Map.copyOf(JSON.readValue(file.toFile(), new TypeReference<Map<String, Long>>() {}));
            return saved;
        } catch (IOException e) {
            log.warn("cannot read the bot ids in {} ({}); they are learned again from the next events", file, e.getMessage());
            return Map.of();
        }
    }

    /** Writes {@code ids} when they differ from what was written last. */
    synchronized void saveIfChanged(Map<String, Long> ids) {
        if (ids.equals(saved)) {
            return;
        }
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), new TreeMap<>(ids));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            saved = Map.copyOf(ids);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bot ids to " + file, e);
        }
    }
}
